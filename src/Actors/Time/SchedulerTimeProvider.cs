using Akka.Actor;

namespace RSerPool.Actors.Time;

/// <summary>
/// A <see cref="TimeProvider"/> that reads the actor system's scheduler. Akka's <c>TestScheduler</c> moves
/// <see cref="IScheduler.Now"/> on <c>Advance</c> but not its monotonic clock, so timestamps here are taken from
/// <see cref="IScheduler.Now"/> too: timers, token buckets, cache ages and registration lives then move together
/// in virtual time. Production systems use <see cref="TimeProvider.System"/> (monotonic timestamps).
/// </summary>
public sealed class SchedulerTimeProvider(IScheduler scheduler) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => scheduler.Now;

    /// <inheritdoc />
    public override long GetTimestamp() => scheduler.Now.UtcTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
