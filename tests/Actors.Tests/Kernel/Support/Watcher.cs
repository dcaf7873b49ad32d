using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Kernel.Support;

/// <summary>Watches on ("watch", ref) / ("watch-with", ref, msg), unwatches on ("unwatch", ref), forwards everything else to the probe.
/// With <c>handleTerminated: false</c> a Terminated is left unhandled (death pact).</summary>
public sealed class Watcher : ReceiveActor
{
    public Watcher(IActorRef probe, bool handleTerminated = true)
    {
        Receive<(string, IActorRef)>(m => m.Item1 == "watch", m => Context.Watch(m.Item2));
        Receive<(string, IActorRef, object)>(m => m.Item1 == "watch-with", m => Context.WatchWith(m.Item2, m.Item3));
        Receive<(string, IActorRef)>(m => m.Item1 == "unwatch", m =>
        {
            Context.Unwatch(m.Item2);
            probe.Tell("unwatched", Self);
        });
        if (handleTerminated)
            Receive<Terminated>(t => probe.Tell(t, Self));
        Receive<string>(s => probe.Tell(s, Self));
    }
}
