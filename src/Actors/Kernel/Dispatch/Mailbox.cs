namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>
/// One actor's mailbox and its thread-pool work item (actor-kernel.md §2.2): a lock-free multi-producer user queue, a CAS-pushed
/// system list, and one atomic status word {Scheduled, Closed, suspend count}. System messages run first and
/// after every user message; a run processes at most <c>throughput</c> user messages; after clearing Scheduled the
/// queues are re-checked so no wake-up is lost.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;
    private const int SuspendUnit = 4;

    private static readonly SystemMessage Closed = new NoMessage();

    private readonly ActorCell _cell;
    private readonly MessageDispatcher _dispatcher;
    private readonly int _throughput;
    private MpscQueue<Envelope>? _user;
    private SystemMessage? _systemHead;
    private int _status;

    public Mailbox(ActorCell cell, MessageDispatcher dispatcher, int throughput)
    {
        _cell = cell;
        _dispatcher = dispatcher;
        _throughput = throughput;
    }

    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    private bool HasSystem
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            return head is not null && !ReferenceEquals(head, Closed);
        }
    }

    private bool HasUser => _user is { IsEmpty: false } || _cell.HasReplay;

    /// <summary>Enqueues a user message; a closed mailbox routes it to dead letters.</summary>
    public void Post(in Envelope envelope)
    {
        if (IsClosed)
        {
            _cell.DeadLetter(envelope);
            return;
        }

        var queue = _user ?? CreateQueue();
        queue.Enqueue(envelope);
        var status = Volatile.Read(ref _status);
        if ((status & ClosedBit) != 0)
            DrainUserToDeadLetters();
        else if (status == 0)
            TrySchedule(hasSystem: false);
    }

    /// <summary>Pushes a system message; a closed mailbox takes the dead-letter path (a Watch is answered with Terminated).</summary>
    public void PostSystem(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, Closed))
            {
                _cell.DeadLetterSystem(message);
                return;
            }

            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head))
                break;
        }

        TrySchedule(hasSystem: true);
    }

    public void Suspend() => Interlocked.Add(ref _status, SuspendUnit);

    public void Resume()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (status < SuspendUnit)
                return;
            if (Interlocked.CompareExchange(ref _status, status - SuspendUnit, status) == status)
                return;
        }
    }

    /// <summary>Closes the mailbox for good: pending and later messages go to dead letters.</summary>
    public void Close()
    {
        Interlocked.Or(ref _status, ClosedBit);
        var pending = Interlocked.Exchange(ref _systemHead, Closed);
        for (var message = Reverse(pending); message is not null;)
        {
            var next = message.Next;
            message.Next = null;
            _cell.DeadLetterSystem(message);
            message = next;
        }

        DrainUserToDeadLetters();
    }

    public void Execute()
    {
        try
        {
            if (IsClosed)
                return;
            ProcessSystem();
            for (var left = _throughput; left > 0; left--)
            {
                if (Volatile.Read(ref _status) != ScheduledBit)
                    break; // closed or suspended
                if (!_cell.TryDequeueReplay(out var envelope) && (_user is null || !_user.TryDequeue(out envelope)))
                    break;
                _cell.Invoke(envelope);
                if (Volatile.Read(ref _systemHead) is not null)
                    ProcessSystem();
            }
        }
        finally
        {
            Interlocked.And(ref _status, ~ScheduledBit);
            // Re-check after going idle: a producer may have enqueued after our last dequeue while Scheduled was still set.
            var hasSystem = HasSystem;
            if (hasSystem || (Volatile.Read(ref _status) == 0 && HasUser))
                TrySchedule(hasSystem);
        }
    }

    private void TrySchedule(bool hasSystem)
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (ScheduledBit | ClosedBit)) != 0)
                return;
            if (status >= SuspendUnit && !hasSystem)
                return;
            if (Interlocked.CompareExchange(ref _status, status | ScheduledBit, status) == status)
            {
                _dispatcher.Schedule(this);
                return;
            }
        }
    }

    private void ProcessSystem()
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null || ReferenceEquals(head, Closed))
                return;
            if (!ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, null, head), head))
                continue;
            for (var message = Reverse(head); message is not null;)
            {
                var next = message.Next;
                message.Next = null;
                if (IsClosed)
                    _cell.DeadLetterSystem(message);
                else
                    _cell.SystemInvoke(message);
                message = next;
            }
        }
    }

    private static SystemMessage? Reverse(SystemMessage? head)
    {
        if (ReferenceEquals(head, Closed))
            return null;
        SystemMessage? reversed = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }

        return reversed;
    }

    private MpscQueue<Envelope> CreateQueue()
    {
        // Created on first use so that an actor that never received a user message stays small.
        var queue = new MpscQueue<Envelope>();
        return Interlocked.CompareExchange(ref _user, queue, null) ?? queue;
    }

    private void DrainUserToDeadLetters()
    {
        var queue = _user;
        if (queue is null)
            return;
        // After Closed is set, the closer and late producers may drain concurrently: the queue has one consumer at a time.
        lock (queue)
        {
            while (queue.TryDequeue(out var envelope))
                _cell.DeadLetter(envelope);
        }
    }
}
