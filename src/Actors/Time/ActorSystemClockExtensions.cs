using Akka.Actor;

namespace RSerPool.Actors.Time;

/// <summary><c>system.Clock</c>: the system's RSerPool clock (<see cref="RSerPoolClock"/>).</summary>
public static class ActorSystemClockExtensions
{
    extension(ActorSystem system)
    {
        /// <summary>The clock RSerPool's actors of this system read for timestamps, rates and cache ages.</summary>
        public TimeProvider Clock => RSerPoolClock.For(system);
    }
}
