using Akka.Actor.Setup;

namespace RSerPool.Actors.Time;

/// <summary>
/// Gives an actor system the <see cref="TimeProvider"/> that RSerPool's actors read for timestamps, rates and cache
/// ages (design: one injected clock). Without it, <c>rserpool.clock</c> decides (see <see cref="RSerPoolClock"/>).
/// </summary>
public sealed class TimeProviderSetup(TimeProvider timeProvider) : Setup
{
    /// <summary>The clock every RSerPool actor of the system reads.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
}
