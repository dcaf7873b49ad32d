using System.Net;
using Akka.Actor;
using RSerPool.Actors.PoolElements;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>Registrar discovery from Server Announces (docs/protocol-notes.md §8, §7) on the manual clock.</summary>
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

        Advance(TimeSpan.FromSeconds(5));
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

    [Theory]
    [InlineData(false, 3863)]
    [InlineData(true, 3873)]
    public void A_client_that_speaks_sctp_takes_the_announces_sctp_transport_and_others_its_tcp_one(bool preferSctp, int expectedPort)
    {
        var source = new IPEndPoint(IPAddress.Parse("10.0.0.9"), 3863);
        var address = IPAddress.Parse("10.0.0.7");
        var both = new AsapServerAnnounce(ServerA, [new SctpTransport(3873, TransportUse.DataOnly, [address]), new TcpTransport(3863, TransportUse.DataOnly, [address])]);
        Assert.Equal(new IPEndPoint(address, expectedPort), ServerAnnounceListenerActor.AsapEndPointOf(both, source, preferSctp));

        // With only one kind announced, either client takes it.
        var tcpOnly = new AsapServerAnnounce(ServerA, [new TcpTransport(3863, TransportUse.DataOnly, [address])]);
        Assert.Equal(new IPEndPoint(address, 3863), ServerAnnounceListenerActor.AsapEndPointOf(tcpOnly, source, preferSctp));
    }
}
