// The listening side of InMemoryEnrpNetwork.
using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Tests.Enrp.Support;

/// <summary>Binds an endpoint of the in-memory network to its handler while it lives.</summary>
internal sealed class InMemoryListenerActor(InMemoryEnrpNetwork network, IPEndPoint endPoint, IActorRef handler) : ReceiveActor
{
    private bool _bound;

    protected override void PreStart()
    {
        if (!network.TryBind(endPoint, handler))
        {
            handler.Tell(new BindFailed(endPoint, "endpoint in use"), Self);
            Context.Stop(Self);
            return;
        }

        _bound = true;
        handler.Tell(new Bound(Self, endPoint), Self);
    }

    protected override void PostStop()
    {
        if (_bound)
        {
            network.Unbind(endPoint);
        }
    }
}
