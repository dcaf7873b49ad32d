namespace RSerPool.Actors.Kernel;

/// <summary>
/// Delayed and periodic tells on the system's one clock (Akka.NET's <c>IScheduler</c>, actor-kernel.md §9).
/// A delay of zero or less tells immediately.
/// </summary>
public interface IScheduler
{
    /// <summary>The clock's current time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Monotonic time since the system started.</summary>
    TimeSpan MonotonicClock { get; }

    /// <summary>Tells <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells once after <paramref name="delay"/> unless <paramref name="cancelable"/> (a <see cref="Cancelable"/>) is cancelled first.</summary>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender, ICancelable cancelable);

    /// <summary>Tells after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Periodic tell that stops when <paramref name="cancelable"/> is cancelled.</summary>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender, ICancelable cancelable);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on the timer's thread (keep it tiny; prefer tells).</summary>
    void ScheduleOnce(TimeSpan delay, Action action);
}
