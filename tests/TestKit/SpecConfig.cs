using Akka.Configuration;

namespace RSerPool.TestKit;

/// <summary>The HOCON the RSerPool spec bases put on top of Akka.TestKit's defaults.</summary>
public static class SpecConfig
{
    /// <summary>
    /// Virtual time: Akka's <c>TestScheduler</c> (time moves only by <c>Advance</c>), RSerPool's clock read from it
    /// (<c>rserpool.clock = scheduler</c>), and the calling-thread dispatcher for every actor, so that a message told
    /// from the test (or fired by <c>Advance</c>) has been handled, with everything it set off synchronously, when the
    /// call returns: expectations of "no message" and tick-exact timer checks then hold without waiting. The guardians
    /// run on the internal dispatcher, so it is the calling thread too: otherwise a top-level <c>ActorOf</c> (created
    /// by the user guardian) and <c>Sys.Stop</c> of a probe (a child of the system guardian) finish on the thread
    /// pool, after the call returns.
    /// </summary>
    public static Config VirtualTime { get; } = ConfigurationFactory.ParseString("""
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.actor.default-dispatcher.type = "Akka.TestKit.CallingThreadDispatcherConfigurator, Akka.TestKit"
        akka.actor.internal-dispatcher.type = "Akka.TestKit.CallingThreadDispatcherConfigurator, Akka.TestKit"
        akka.loglevel = DEBUG
        akka.test.expect-no-message-default = 100ms
        rserpool.clock = scheduler
        """);

    /// <summary>Real time: Akka's defaults (thread-pool dispatcher, wall clock), debug logging.</summary>
    public static Config RealTime { get; } = ConfigurationFactory.ParseString("""
        akka.loglevel = DEBUG
        """);
}
