using Akka.Actor;

namespace RSerPool.Actors.Time;

/// <summary>
/// Akka extension holding the clock of one actor system: the <see cref="TimeProviderSetup"/> given at creation, else
/// <c>rserpool.clock = scheduler</c> (a <see cref="SchedulerTimeProvider"/>, for systems on Akka's TestScheduler),
/// else <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class RSerPoolClock : ExtensionIdProvider<RSerPoolClockExtension>
{
    /// <summary>The extension id.</summary>
    public static RSerPoolClock Id { get; } = new();

    /// <summary>The clock of <paramref name="system"/>.</summary>
    public static TimeProvider For(ActorSystem system) => Id.Apply(system).TimeProvider;

    /// <inheritdoc />
    public override RSerPoolClockExtension CreateExtension(ExtendedActorSystem system)
    {
        var setup = system.Settings.Setup.Get<TimeProviderSetup>();
        if (setup.HasValue)
            return new RSerPoolClockExtension(setup.Value.TimeProvider);
        string mode = system.Settings.Config.GetString("rserpool.clock", "system");
        return mode switch
        {
            "scheduler" => new RSerPoolClockExtension(new SchedulerTimeProvider(system.Scheduler)),
            "system" => new RSerPoolClockExtension(TimeProvider.System),
            _ => throw new Akka.Configuration.ConfigurationException($"rserpool.clock must be \"system\" or \"scheduler\", not \"{mode}\"."),
        };
    }
}
