using Akka.Actor;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.Api;

/// <summary>Hands each connect request of a node's registrar client to a probe, which then plays the association.</summary>
internal sealed class ProbeRegistrarConnector(IActorRef probe) : IRegistrarConnector
{
    public void Connect(ConnectRegistrar request, IActorRef client) => probe.Tell(request, client);
}
