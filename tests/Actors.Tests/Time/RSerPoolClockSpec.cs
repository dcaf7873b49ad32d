using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using RSerPool.Actors.Time;
using RSerPool.TestKit;
using Xunit;

namespace RSerPool.Actors.Tests.Time;

/// <summary>Where an actor system's RSerPool clock comes from: the setup, else <c>rserpool.clock</c>, else the system clock.</summary>
public sealed class RSerPoolClockSpec : VirtualTimeTestKit
{
    [Fact]
    public void On_the_test_scheduler_the_clock_moves_with_advance_and_only_with_it()
    {
        var start = Clock.GetUtcNow();
        long startStamp = Clock.GetTimestamp();

        Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(start + TimeSpan.FromMilliseconds(1500), Clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Clock.GetElapsedTime(startStamp));
        Assert.Equal(Scheduler.Now, Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_time_provider_setup_wins_over_the_configuration()
    {
        var fixedClock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var system = ActorSystem.Create("clock-setup", ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString("rserpool.clock = scheduler")),
            new TimeProviderSetup(fixedClock)));
        try
        {
            Assert.Same(fixedClock, system.Clock);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Without_setup_or_key_the_clock_is_the_system_clock()
    {
        var system = ActorSystem.Create("clock-default");
        try
        {
            Assert.Same(TimeProvider.System, system.Clock);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task An_unknown_clock_name_is_a_configuration_error_naming_the_key()
    {
        var system = ActorSystem.Create("clock-bad", ConfigurationFactory.ParseString("rserpool.clock = sundial"));
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => system.Clock);
            Assert.Contains("rserpool.clock", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
