using System.Diagnostics;
using System.Threading.Channels;
using Xunit.Sdk;

namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>
/// An actor whose received messages a test inspects (Akka.TestKit's <c>TestProbe</c>). With the manual dispatcher every
/// expectation first runs all ready work and then checks the queue, never waiting; in real-time mode expectations wait
/// up to their timeout (default <see cref="TestKit.SingleExpectDefault"/>). Failures throw xunit assertion exceptions.
/// </summary>
public sealed class TestProbe
{
    private readonly TestKit _kit;
    private readonly Channel<ReceivedMessage> _queue = Channel.CreateUnbounded<ReceivedMessage>();
    private AutoPilot? _autoPilot;
    private DateTimeOffset? _deadline;

    internal TestProbe(TestKit kit, string name)
    {
        _kit = kit;
        Ref = kit.Sys.ActorOf(Props.Create(() => new ProbeActor(this)), name);
    }

    /// <summary>The probe's ref: tell it messages, or pass it as a sender.</summary>
    public IActorRef Ref { get; }

    /// <summary>The sender of the last message taken from the queue.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message taken from the queue.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Messages received and not yet taken (after running ready work in manual mode).</summary>
    public int MessageCount
    {
        get
        {
            Idle();
            return _queue.Reader.Count;
        }
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Forwards the last message to <paramref name="target"/> with its original sender.</summary>
    public void Forward(IActorRef target) =>
        target.Tell(LastMessage ?? throw new XunitException("Forward: the probe has not received a message yet."), LastSender);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with the last sender as sender.</summary>
    public void Forward(IActorRef target, object message) => target.Tell(message, LastSender);

    /// <summary>Replies to the last sender with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Makes the probe watch <paramref name="target"/>; its Terminated arrives as a normal message.</summary>
    public IActorRef Watch(IActorRef target) => SendWatch(target, watch: true);

    /// <summary>Makes the probe stop watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target) => SendWatch(target, watch: false);

    /// <summary>Installs a pilot that sees (and may answer) every message before it is queued.</summary>
    public void SetAutoPilot(AutoPilot pilot) => _autoPilot = pilot;

    /// <summary>Expects a message of type <typeparamref name="T"/> next.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout, null);

    /// <summary>Expects a message of type <typeparamref name="T"/> satisfying <paramref name="isMessage"/> next.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        var received = ReceiveOne(timeout, $"a message of type {typeof(T).Name}{Hint(hint)}");
        if (received.Message is not T typed)
            throw new XunitException($"Expected a message of type {typeof(T).Name}{Hint(hint)}, but got {Describe(received)}.");
        if (!isMessage(typed))
            throw new XunitException($"Message {Describe(received)} did not satisfy the predicate{Hint(hint)}.");
        return typed;
    }

    /// <summary>Expects a message equal to <paramref name="expected"/> next.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull
    {
        var received = ReceiveOne(timeout, $"message {expected}");
        if (!Equals(received.Message, expected))
            throw new XunitException($"Expected message {expected}, but got {Describe(received)}.");
        return (T)received.Message;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> from <paramref name="sender"/> next.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, Predicate<T>? isMessage = null, TimeSpan? timeout = null)
    {
        var message = ExpectMsg<T>(m => isMessage is null || isMessage(m), timeout);
        if (!LastSender.Equals(sender))
            throw new XunitException($"Expected {message} from {sender}, but it came from {LastSender}.");
        return message;
    }

    /// <summary>Expects the next messages to be exactly <paramref name="messages"/>, in any order.</summary>
    public IReadOnlyList<object> ExpectMsgAllOf(params object[] messages)
    {
        var missing = messages.ToList();
        var received = new List<object>();
        for (var i = 0; i < messages.Length; i++)
        {
            var next = ReceiveOne(null, $"one of {string.Join(", ", missing)}");
            var index = missing.FindIndex(m => Equals(m, next.Message));
            if (index < 0)
                throw new XunitException($"Unexpected message {Describe(next)}; still expecting {string.Join(", ", missing)}.");
            missing.RemoveAt(index);
            received.Add(next.Message);
        }

        return received;
    }

    /// <summary>Expects the next message to equal one of <paramref name="messages"/>.</summary>
    public object ExpectMsgAnyOf(params object[] messages)
    {
        var next = ReceiveOne(null, $"one of {string.Join(", ", messages)}");
        if (!messages.Any(m => Equals(m, next.Message)))
            throw new XunitException($"Expected one of {string.Join(", ", messages)}, but got {Describe(next)}.");
        return next.Message;
    }

    /// <summary>Asserts that no message is queued once all ready work has run (manual) or within 250 ms (real time).</summary>
    public void ExpectNoMsg()
    {
        if (_kit.IsManual)
            AssertEmpty("after running all ready work");
        else
            ExpectNoMsg(TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Asserts that no message arrives during <paramref name="duration"/> (advanced on the virtual clock in manual mode).</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (_kit.IsManual)
        {
            _kit.Scheduler.Advance(duration);
            AssertEmpty($"within {duration}");
            return;
        }

        if (TryReceiveReal(duration, out var received))
            throw new XunitException($"Expected no message within {duration}, but got {Describe(received)}.");
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> next (the probe must watch it).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout, $" for {target}");

    /// <summary>Takes messages until one of type <typeparamref name="T"/> satisfies <paramref name="isMessage"/>; the others are dropped.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        var skipped = new List<string>();
        while (true)
        {
            var received = ReceiveOne(timeout, $"a {typeof(T).Name} matching the predicate (skipped: {string.Join(", ", skipped)})");
            if (received.Message is T typed && isMessage(typed))
                return typed;
            skipped.Add(received.Message.ToString() ?? "?");
        }
    }

    /// <summary>Takes exactly <paramref name="count"/> messages.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var messages = new List<object>(count);
        for (var i = 0; i < count; i++)
            messages.Add(ReceiveOne(timeout, $"message {i + 1} of {count}").Message);
        return messages;
    }

    /// <summary>Takes messages while they are <typeparamref name="T"/> and satisfy <paramref name="shouldContinue"/>; the first other message stays queued.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, int maxMessages = int.MaxValue)
    {
        var messages = new List<T>();
        Idle();
        while (messages.Count < maxMessages && _queue.Reader.TryPeek(out var next) && next.Message is T typed && shouldContinue(typed))
        {
            _queue.Reader.TryRead(out _);
            Take(next);
            messages.Add(typed);
            Idle();
        }

        return messages;
    }

    /// <summary>Runs <paramref name="action"/> and asserts it took at most <paramref name="max"/> (virtual time in manual mode).</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="action"/> and asserts its duration is within [<paramref name="min"/>, <paramref name="max"/>];
    /// expectations inside use the remaining time as their timeout (real-time mode).</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        var start = _kit.Now;
        var stopwatch = Stopwatch.StartNew();
        var outer = _deadline;
        _deadline = start + max;
        try
        {
            action();
        }
        finally
        {
            _deadline = outer;
        }

        var elapsed = _kit.IsManual ? _kit.Now - start : stopwatch.Elapsed;
        if (elapsed < min)
            throw new XunitException($"Within: the block took {elapsed}, less than the minimum {min}.");
        if (elapsed > max)
            throw new XunitException($"Within: the block took {elapsed}, more than the maximum {max}.");
    }

    /// <summary>Real-time mode: awaits a message of type <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T>? isMessage = null, TimeSpan? timeout = null)
    {
        var received = await ReceiveOneAsync(timeout).ConfigureAwait(false);
        if (received.Message is not T typed || (isMessage is not null && !isMessage(typed)))
            throw new XunitException($"Expected a message of type {typeof(T).Name} matching the predicate, but got {Describe(received)}.");
        return typed;
    }

    /// <summary>Real-time mode: awaits <see cref="Terminated"/> for <paramref name="target"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target), timeout);

    /// <summary>Real-time mode: asserts no message arrives during <paramref name="duration"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        using var cancel = new CancellationTokenSource(duration);
        ReceivedMessage? received;
        try
        {
            received = await _queue.Reader.ReadAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            received = null; // nothing arrived: the expectation holds
        }

        if (received is { } unexpected)
        {
            Take(unexpected);
            throw new XunitException($"Expected no message within {duration}, but got {Describe(unexpected)}.");
        }
    }

    /// <summary>Real-time mode: awaits the next message.</summary>
    public async Task<ReceivedMessage> ReceiveOneAsync(TimeSpan? timeout = null)
    {
        var wait = timeout ?? _kit.SingleExpectDefault;
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            var received = await _queue.Reader.ReadAsync(cancel.Token).ConfigureAwait(false);
            Take(received);
            return received;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new XunitException($"Timeout ({wait}) while waiting for a message at {Ref.Path}.");
        }
    }

    internal void Deliver(object message, IActorRef sender)
    {
        if (_autoPilot is { } pilot)
        {
            var next = pilot.Run(sender, message);
            if (ReferenceEquals(next, AutoPilot.NoAutoPilot))
                _autoPilot = null;
            else if (!ReferenceEquals(next, AutoPilot.KeepRunning))
                _autoPilot = next;
        }

        _queue.Writer.TryWrite(new ReceivedMessage(message, sender));
    }

    private ReceivedMessage ReceiveOne(TimeSpan? timeout, string expectation)
    {
        if (_kit.IsManual)
        {
            Idle();
            if (_queue.Reader.TryRead(out var received))
            {
                Take(received);
                return received;
            }

            throw new XunitException($"Expected {expectation} at {Ref.Path}, but no message arrived (manual dispatcher idle, virtual time {_kit.Now:O}).");
        }

        var wait = timeout ?? RemainingOrDefault();
        if (TryReceiveReal(wait, out var message))
            return message;
        throw new XunitException($"Timeout ({wait}) while waiting for {expectation} at {Ref.Path}.");
    }

    private bool TryReceiveReal(TimeSpan wait, out ReceivedMessage received)
    {
        if (_queue.Reader.TryRead(out received))
        {
            Take(received);
            return true;
        }

        using var cancel = new CancellationTokenSource(wait);
        try
        {
            received = _queue.Reader.ReadAsync(cancel.Token).AsTask().GetAwaiter().GetResult();
            Take(received);
            return true;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            received = default;
            return false;
        }
    }

    private TimeSpan RemainingOrDefault()
    {
        if (_deadline is not { } deadline)
            return _kit.SingleExpectDefault;
        var remaining = deadline - _kit.Now;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private void AssertEmpty(string when)
    {
        Idle();
        if (_queue.Reader.TryRead(out var received))
        {
            Take(received);
            throw new XunitException($"Expected no message {when}, but got {Describe(received)}.");
        }
    }

    private IActorRef SendWatch(IActorRef target, bool watch)
    {
        var command = new ProbeWatch(target, watch);
        Ref.Tell(command, ActorRefs.NoSender);
        if (_kit.IsManual)
            _kit.RunUntilIdle();
        else if (!command.Done.Task.Wait(_kit.SingleExpectDefault))
            throw new XunitException($"The probe {Ref.Path} did not process its watch command in time.");
        return target;
    }

    private void Take(ReceivedMessage received)
    {
        LastMessage = received.Message;
        LastSender = received.Sender;
    }

    private void Idle()
    {
        if (_kit.IsManual)
            _kit.RunUntilIdle();
    }

    private static string Describe(ReceivedMessage received) => $"{received.Message} ({received.Message.GetType().Name}) from {received.Sender}";

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? string.Empty : hint;
}
