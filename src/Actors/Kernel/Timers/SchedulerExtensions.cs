namespace RSerPool.Actors.Kernel;

/// <summary>Schedules that return their own cancel handle (Akka.NET's <c>SchedulerExtensions</c>).</summary>
public static class SchedulerExtensions
{
    /// <summary>Tells once after <paramref name="delay"/>; the result cancels it.</summary>
    public static ICancelable ScheduleTellOnceCancelable(this IScheduler scheduler, TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        scheduler is TimeProviderScheduler own
            ? own.Schedule(delay, Timeout.InfiniteTimeSpan, receiver, message, sender)
            : ScheduleWithHandle(scheduler, delay, receiver, message, sender);

    /// <summary>Tells after <paramref name="initialDelay"/> and every <paramref name="interval"/>; the result cancels it.</summary>
    public static ICancelable ScheduleTellRepeatedlyCancelable(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        if (scheduler is TimeProviderScheduler own)
            return own.Schedule(initialDelay, interval, receiver, message, sender);
        var cancelable = new Cancelable();
        scheduler.ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, cancelable);
        return cancelable;
    }

    private static Cancelable ScheduleWithHandle(IScheduler scheduler, TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        var cancelable = new Cancelable();
        scheduler.ScheduleTellOnce(delay, receiver, message, sender, cancelable);
        return cancelable;
    }
}
