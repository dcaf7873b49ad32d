using System.Net;
using RSerPool.Actors.Kernel;
using RSerPool.Actors.PoolElements;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>Registrar discovery from Server Announces (asap.md §4.1 step 1, §4.7) on the manual clock.</summary>
public sealed class RegistrarDiscoverySpec : PoolElementSpecBase
{
    private static readonly IPEndPoint Announced = new(IPAddress.Loopback, 41000);

    [Fact]
    public void An_announce_starts_the_hunt_when_no_registrar_is_known()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Connects.ExpectNoMsg();

        Client.Tell(new ServerAnnounceReceived(ServerA, Announced), ActorRefs.NoSender);
        var request = Connects.ExpectMsg<ConnectRegistrar>();
        Assert.Equal(Announced, request.Registrar);

        var association = CreateTestProbe("announced");
        Client.Tell(new RegistrarAssociationOpened(request.Attempt, association.Ref), ActorRefs.NoSender);
        Client.Tell(GetRegistrarClientState.Instance, TestActor);
        var state = ExpectMsg<RegistrarClientState>();
        Assert.Equal(Announced, state.CurrentRegistrar);
        Assert.Equal(ServerA, state.CurrentServerId);
    }

    [Fact]
    public void An_announced_registrar_expires_without_new_announces()
    {
        StartClient(ClientSettings with { StaticRegistrars = [] });
        Client.Tell(new ServerAnnounceReceived(ServerA, Announced), ActorRefs.NoSender);
        var request = Connects.ExpectMsg<ConnectRegistrar>();
        Client.Tell(new RegistrarConnectFailed(request.Attempt, "refused"), ActorRefs.NoSender);

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        Client.Tell(GetRegistrarClientState.Instance, TestActor);
        Assert.Empty(ExpectMsg<RegistrarClientState>().KnownRegistrars);
    }

    [Fact]
    public void The_asap_endpoint_comes_from_the_announce_transport_else_from_the_datagram_source()
    {
        var source = new IPEndPoint(IPAddress.Parse("10.0.0.9"), 45000);
        Assert.Equal(source, ServerAnnounceListenerActor.AsapEndPointOf(new AsapServerAnnounce(ServerA), source));

        var withTcp = new AsapServerAnnounce(ServerA, [new TcpTransport(3863, TransportUse.DataOnly, [IPAddress.Parse("10.0.0.7")])]);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.7"), 3863), ServerAnnounceListenerActor.AsapEndPointOf(withTcp, source));

        var withoutAddress = new AsapServerAnnounce(ServerA, [new SctpTransport(3870, TransportUse.DataOnly, default)]);
        Assert.Equal(new IPEndPoint(source.Address, 3870), ServerAnnounceListenerActor.AsapEndPointOf(withoutAddress, source));
    }
}
