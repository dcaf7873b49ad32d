namespace RSerPool.Actors.Kernel;

/// <summary>The kernel scheduler: one <see cref="TimeProvider"/> timer per scheduled item (actor-kernel.md §9).</summary>
internal sealed class TimeProviderScheduler(TimeProvider clock) : IScheduler
{
    private readonly long _started = clock.GetTimestamp();

    public DateTimeOffset Now => clock.GetUtcNow();

    public TimeSpan MonotonicClock => clock.GetElapsedTime(_started);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, receiver, message, sender);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender, ICancelable cancelable) =>
        Link(cancelable, Schedule(delay, Timeout.InfiniteTimeSpan, receiver, message, sender));

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender) =>
        Schedule(initialDelay, interval, receiver, message, sender);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender, ICancelable cancelable) =>
        Link(cancelable, Schedule(initialDelay, interval, receiver, message, sender));

    public void ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Schedule(delay, Timeout.InfiniteTimeSpan, new ActionReceiver(action), ActionReceiver.Run, null);
    }

    public ScheduledTell Schedule(TimeSpan delay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var repeating = interval != Timeout.InfiniteTimeSpan;
        if (repeating && interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeating schedule needs a positive interval.");
        var item = new ScheduledTell(receiver, message, sender, repeating);
        if (delay <= TimeSpan.Zero)
        {
            receiver.Tell(message, sender);
            if (!repeating)
            {
                item.Cancel();
                return item;
            }

            delay = interval;
        }

        item.Attach(clock.CreateTimer(ScheduledTell.Fire, item, delay, repeating ? interval : Timeout.InfiniteTimeSpan));
        return item;
    }

    private static void Link(ICancelable cancelable, ScheduledTell item)
    {
        if (cancelable is not Cancelable handle)
            throw new ArgumentException("Pass a Cancelable created for this purpose.", nameof(cancelable));
        handle.Token.Register(static state => ((ScheduledTell)state!).Cancel(), item);
    }
}
