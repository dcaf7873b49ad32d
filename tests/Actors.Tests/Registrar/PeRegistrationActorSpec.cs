using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using Xunit;
using RSerPool.Actors.Handlespace;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>The PE registration actor alone (RFC 5352 §3.4), with a probe as its pool and one as its association.</summary>
public sealed class PeRegistrationActorSpec : VirtualTimeTestKit
{
    private const uint PeId = 0x2000_0001;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(400);
    private readonly TestProbe _pool;
    private readonly TestProbe _association;
    private readonly AsapPeer _peer;
    private readonly IActorRef _parent;

    public PeRegistrationActorSpec()
    {
        _pool = CreateTestProbe("pool");
        _association = CreateTestProbe("association");
        _peer = new AsapPeer(_association.Ref, 1, new IPEndPoint(IPAddress.Loopback, 4000));
        PeMailbox.Install(Sys);   // as the pool actor does: the PE actor's Props name this mailbox
        var props = PeRegistrationActor.Props(new PeSupervision(Asap.EchoPool, 0x5e5e0003, Interval, Timeout, Clock), PeId, _peer, 0, generation: 1);
        _parent = ActorOf(Props.Create(() => new ForwardingParent(props, _pool.Ref)), "pool-under-test");
    }

    [Fact]
    public void A_renewal_over_an_association_already_seen_ending_requests_the_removal_again_at_once()
    {
        Sys.Stop(_association.Ref);
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.AssociationLost), _pool.ExpectMsg<PeRemovalRequested>());

        // The pool had accepted a re-registration over that association before it saw the request (generation 2).
        _parent.Tell(new PeRegistrationRenewed(_peer, 0, 2), ActorRefs.NoSender);

        Assert.Equal(new PeRemovalRequested(PeId, 2, RemovalReason.AssociationLost), _pool.ExpectMsg<PeRemovalRequested>());
    }

    [Fact]
    public void A_renewal_over_a_new_association_moves_the_watch_to_it()
    {
        var next = CreateTestProbe("next");
        _parent.Tell(new PeRegistrationRenewed(_peer with { Association = next.Ref, Id = 2 }, 0, 2), ActorRefs.NoSender);

        Sys.Stop(_association.Ref);
        _pool.ExpectNoMsg();
        Sys.Stop(next.Ref);
        Assert.Equal(new PeRemovalRequested(PeId, 2, RemovalReason.AssociationLost), _pool.ExpectMsg<PeRemovalRequested>());
    }

    [Fact]
    public void Keep_alives_go_to_the_current_association_and_a_missing_ack_closes_it()
    {
        Advance(Interval);
        var keepAlive = Assert.IsType<AsapEndpointKeepAlive>(_association.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        Assert.Equal(PeId, keepAlive.PoolElementIdentifier);

        Advance(Timeout);
        _association.ExpectMsg<CloseAssociation>();
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.KeepAliveTimeout), _pool.ExpectMsg<PeRemovalRequested>());
    }
}
