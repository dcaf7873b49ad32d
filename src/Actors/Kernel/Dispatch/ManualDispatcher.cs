namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>
/// The test dispatcher: <see cref="Schedule"/> only queues; <see cref="RunUntilIdle"/> runs the queued mailboxes on the
/// calling thread, in FIFO order (or shuffled with a seed), until nothing is ready. Deterministic, no threads, no sleeps.
/// </summary>
public sealed class ManualDispatcher : MessageDispatcher
{
    private readonly object _gate = new();
    private readonly List<IThreadPoolWorkItem> _ready = [];
    private readonly Random? _shuffle;
    private int _head;

    /// <summary>A FIFO dispatcher.</summary>
    public ManualDispatcher()
    {
    }

    /// <summary>A dispatcher that picks a random ready mailbox each step, to explore interleavings reproducibly.</summary>
    public ManualDispatcher(int seed) => _shuffle = new Random(seed);

    /// <summary>The number of mailboxes waiting to run.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
                return _ready.Count - _head;
        }
    }

    /// <summary>Safety limit for <see cref="RunUntilIdle"/> against actors that message themselves forever.</summary>
    public int MaxStepsPerRun { get; init; } = 10_000_000;

    public override void Schedule(IThreadPoolWorkItem work)
    {
        lock (_gate)
            _ready.Add(work);
    }

    /// <summary>Runs one ready mailbox; false when none was ready.</summary>
    public bool RunOne()
    {
        IThreadPoolWorkItem work;
        lock (_gate)
        {
            var count = _ready.Count - _head;
            if (count == 0)
            {
                _ready.Clear();
                _head = 0;
                return false;
            }

            var index = _shuffle is null ? _head : _head + _shuffle.Next(count);
            work = _ready[index];
            _ready[index] = _ready[_head];
            _ready[_head] = null!;
            _head++;
            if (_head > 1024 && _head * 2 > _ready.Count)
            {
                _ready.RemoveRange(0, _head);
                _head = 0;
            }
        }

        work.Execute();
        return true;
    }

    /// <summary>Runs ready mailboxes until none is left; returns how many runs it made.</summary>
    public int RunUntilIdle()
    {
        var steps = 0;
        while (RunOne())
        {
            if (++steps >= MaxStepsPerRun)
                throw new InvalidOperationException($"ManualDispatcher did not become idle within {MaxStepsPerRun} mailbox runs.");
        }

        return steps;
    }
}
