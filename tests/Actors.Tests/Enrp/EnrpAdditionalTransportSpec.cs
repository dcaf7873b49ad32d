// ENRP served over a second transport on the same port (issue 7: SCTP 9901 next to TCP): peers that speak only the
// second one (RSPLIB) are reached and answered over it; an unusable second transport leaves the first one working.
using System.Net;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpAdditionalTransportSpec : EnrpSpecBase
{
    private const uint IdA = 0xa0000001;
    private const uint IdB = 0xb0000002;
    private const uint IdC = 0xc0000003;

    private readonly InMemoryEnrpNetwork _second = new() { Name = "sctp" };

    [Fact]
    public void A_static_peer_that_speaks_only_the_second_transport_is_reached_and_answered_over_it()
    {
        // A serves "memory" (the TCP stand-in) and "sctp"; B, like rspregistrar, speaks only "sctp" and names no peers.
        var a = StartRegistrar(IdA, 1, [2], new EnrpSettings { AdditionalTransport = _second });
        var b = StartRegistrar(IdB, 2, [], transport: _second);
        Settle();

        Assert.Equal(["memory", "sctp"], Status(a).ServedTransports);
        Assert.Equal(["sctp"], Status(b).ServedTransports);
        Assert.Contains(Status(a).Peers, peer => peer.ServerId == IdB && !peer.Silent);
        Assert.Contains(Status(b).Peers, peer => peer.ServerId == IdA && !peer.Silent);
        Assert.DoesNotContain(Network.Delivered, message => message.SenderServerId == IdA);   // the first transport never reached B
        Assert.Contains(_second.Delivered, message => message is EnrpPresence && message.SenderServerId == IdA);

        // Replication both ways over the second transport.
        var atA = Connect(a);
        var atB = Connect(b);
        Register(a, atA, 0x101);
        Register(b, atB, 0x202);
        Assert.Equal([0x101u, 0x202u], Resolve(a));
        Assert.Equal([0x101u, 0x202u], Resolve(b));

        // Still peers many cycles later: A keeps answering B over the transport B speaks.
        Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(Status(a).Peers, peer => peer.ServerId == IdB && !peer.Silent);
        Assert.Contains(Status(b).Peers, peer => peer.ServerId == IdA && !peer.Silent);
        Assert.DoesNotContain(Network.Delivered, message => message.SenderServerId == IdA && message.ReceiverServerId == IdB);
    }

    [Fact]
    public void Peers_on_the_first_transport_stay_on_it_when_a_second_is_served()
    {
        var a = StartRegistrar(IdA, 1, [3], new EnrpSettings { AdditionalTransport = _second });
        var c = StartRegistrar(IdC, 3, [1]);
        Settle();

        Assert.Contains(Status(a).Peers, peer => peer.ServerId == IdC && !peer.Silent);
        Assert.Contains(Status(c).Peers, peer => peer.ServerId == IdA && !peer.Silent);
        Assert.Contains(Network.Delivered, message => message is EnrpPresence && message.SenderServerId == IdA && message.ReceiverServerId == IdC);
        Assert.DoesNotContain(_second.Delivered, message => message.SenderServerId == IdA);
    }

    [Fact]
    public void An_unavailable_second_transport_is_not_listened_on_and_the_first_one_serves_alone()
    {
        var unavailable = new InMemoryEnrpNetwork { Name = "sctp", UnavailableReason = "the kernel has no SCTP" };
        var a = StartRegistrar(IdA, 1, [3], new EnrpSettings { AdditionalTransport = unavailable });
        var c = StartRegistrar(IdC, 3, [1]);
        Settle();

        Assert.Equal(["memory"], Status(a).ServedTransports);
        Assert.Null(unavailable.HandlerAt(EnrpEndPoint(1)));
        Assert.Contains(Status(a).Peers, peer => peer.ServerId == IdC && !peer.Silent);
    }

    [Fact]
    public void A_second_transport_whose_port_is_taken_is_skipped_and_the_registrar_still_starts()
    {
        var squatter = CreateTestProbe("squatter");
        Assert.True(_second.TryBind(EnrpEndPoint(1), squatter.Ref));
        var a = StartRegistrar(IdA, 1, [3], new EnrpSettings { AdditionalTransport = _second });
        var c = StartRegistrar(IdC, 3, [1]);
        Settle();

        Assert.Equal(["memory"], Status(a).ServedTransports);
        Assert.Equal(squatter.Ref, _second.HandlerAt(EnrpEndPoint(1)));
        Assert.Contains(Status(c).Peers, peer => peer.ServerId == IdA && !peer.Silent);
    }
}
