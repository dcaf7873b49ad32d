using Akka.Actor;

namespace RSerPool.Actors.Time;

/// <summary>The per-system clock (see <see cref="RSerPoolClock"/>).</summary>
public sealed class RSerPoolClockExtension(TimeProvider timeProvider) : IExtension
{
    /// <summary>The clock every RSerPool actor of the system reads.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider;
}
