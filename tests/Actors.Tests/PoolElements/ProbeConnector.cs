using Akka.Actor;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>A connector that hands each connect request to a probe; the test answers with RegistrarAssociationOpened or RegistrarConnectFailed.</summary>
internal sealed class ProbeConnector(IActorRef probe) : IRegistrarConnector
{
    public void Connect(ConnectRegistrar request, IActorRef client) => probe.Tell(request, client);
}
