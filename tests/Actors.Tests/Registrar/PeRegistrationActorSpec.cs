using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using Xunit;
using RSerPool.Actors.Handlespace;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>
/// The PE registration actor alone (RFC 5352 §3.4), with a probe as its pool and one as its association. Its one timer
/// serves two deadlines (keep-alive cycle, registration life): each fires exactly at its own time.
/// </summary>
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
        var props = PeRegistrationActor.Props(new PeSupervision(Asap.EchoPool, 0x5e5e0003, Interval, Timeout, Clock, Akka.Actor.Deploy.None.WithMailbox(PeMailbox.Id)), PeId, _peer, 0, generation: 1);
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

    [Fact]
    public void A_registration_life_shorter_than_the_interval_removes_the_pe_at_its_end_without_a_keep_alive()
    {
        var (pool, association, _) = StartPe(lifeMs: 300);

        Advance(TimeSpan.FromMilliseconds(299));
        pool.ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.RegistrationLifeExpired), pool.ExpectMsg<PeRemovalRequested>());

        Advance(Interval + Timeout);
        association.ExpectNoMsg();
        pool.ExpectNoMsg();
    }

    [Fact]
    public void The_registration_life_ends_exactly_on_time_while_keep_alives_are_acked()
    {
        var (pool, association, parent) = StartPe(lifeMs: 1_200);

        Advance(Interval);   // t = 500
        Assert.False(KeepAliveSent(association).HomeFlag);
        Advance(TimeSpan.FromMilliseconds(100));
        parent.Tell(new KeepAliveAcked(1), ActorRefs.NoSender);   // t = 600: next Keep Alive at 1,100
        Advance(Interval);
        KeepAliveSent(association);
        Advance(TimeSpan.FromMilliseconds(99));   // t = 1,199
        pool.ExpectNoMsg();

        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.RegistrationLifeExpired), pool.ExpectMsg<PeRemovalRequested>());
        association.ExpectNoMsg();   // the life ended: the association is not closed
    }

    [Fact]
    public void When_the_life_ends_as_a_keep_alive_falls_due_the_pe_goes_without_a_keep_alive()
    {
        var (pool, association, _) = StartPe(lifeMs: (int)Interval.TotalMilliseconds);

        Advance(Interval);

        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.RegistrationLifeExpired), pool.ExpectMsg<PeRemovalRequested>());
        association.ExpectNoMsg();
    }

    [Fact]
    public void A_renewal_with_a_shorter_life_brings_the_removal_forward_and_one_without_a_life_drops_it()
    {
        var (pool, _, parent) = StartPe(lifeMs: 0);
        var (otherPool, _, otherParent) = StartPe(lifeMs: 300);

        Advance(TimeSpan.FromMilliseconds(100));
        parent.Tell(new PeRegistrationRenewed(Peer(parent), 200, 2), ActorRefs.NoSender);   // life now ends at 300
        otherParent.Tell(new PeRegistrationRenewed(Peer(otherParent), 0, 2), ActorRefs.NoSender);   // no life any more
        Advance(TimeSpan.FromMilliseconds(199));
        pool.ExpectNoMsg();

        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new PeRemovalRequested(PeId, 2, RemovalReason.RegistrationLifeExpired), pool.ExpectMsg<PeRemovalRequested>());
        otherPool.ExpectNoMsg();
    }

    [Fact]
    public void A_timer_message_that_is_not_the_armed_one_is_ignored()
    {
        var (pool, association, parent) = StartPe(lifeMs: 0);

        // As a message of a schedule cancelled after it was queued would arrive.
        parent.Tell(new PeTimerDue(PeTimerEvent.KeepAliveTimedOut, 0), ActorRefs.NoSender);
        parent.Tell(new PeTimerDue(PeTimerEvent.RegistrationLifeExpired, 0), ActorRefs.NoSender);
        pool.ExpectNoMsg();
        association.ExpectNoMsg();

        Advance(Interval);
        KeepAliveSent(association);
    }

    [Fact]
    public void An_adopted_pe_without_an_association_goes_when_its_life_or_else_one_keep_alive_period_ends()
    {
        var (pool, _, _) = StartPe(lifeMs: 2_000, takenOver: true, detached: true);
        var (noLifePool, _, _) = StartPe(lifeMs: 0, takenOver: true, detached: true);

        Advance(Interval + Timeout - Tick);
        noLifePool.ExpectNoMsg();
        Advance(Tick);
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.RegistrationLifeExpired), noLifePool.ExpectMsg<PeRemovalRequested>());

        Advance(TimeSpan.FromMilliseconds(2_000) - (Interval + Timeout) - Tick);
        pool.ExpectNoMsg();
        Advance(Tick);
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.RegistrationLifeExpired), pool.ExpectMsg<PeRemovalRequested>());
    }

    [Fact]
    public void An_adopted_pe_with_an_association_gets_a_home_keep_alive_at_once_and_is_closed_without_an_ack()
    {
        var (pool, association, _) = StartPe(lifeMs: 0, takenOver: true);

        Assert.True(KeepAliveSent(association).HomeFlag);   // RFC 5353 §3.5.2
        Advance(Timeout - Tick);
        pool.ExpectNoMsg();

        Advance(Tick);
        association.ExpectMsg<CloseAssociation>();
        Assert.Equal(new PeRemovalRequested(PeId, 1, RemovalReason.KeepAliveTimeout), pool.ExpectMsg<PeRemovalRequested>());
    }

    [Fact]
    public void A_stopped_pe_actor_leaves_no_timer_behind()
    {
        var (_, _, parent) = StartPe(lifeMs: 300);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        Sys.Stop(parent);
        Advance(Interval + Timeout);

        deadLetters.ExpectNoMsg();
    }

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    private readonly Dictionary<IActorRef, AsapPeer> _peers = [];

    private int _started;

    private (TestProbe Pool, TestProbe Association, IActorRef Parent) StartPe(int lifeMs, bool takenOver = false, bool detached = false)
    {
        int n = ++_started;
        var pool = CreateTestProbe($"pool-{n}");
        var association = CreateTestProbe($"association-{n}");
        AsapPeer peer = detached ? AsapPeer.Detached : new AsapPeer(association.Ref, 1, new IPEndPoint(IPAddress.Loopback, 4000 + n));
        var props = PeRegistrationActor.Props(new PeSupervision(Asap.EchoPool, 0x5e5e0003, Interval, Timeout, Clock, Akka.Actor.Deploy.None.WithMailbox(PeMailbox.Id)), PeId, peer, lifeMs, generation: 1, takenOver);
        var parent = ActorOf(Props.Create(() => new ForwardingParent(props, pool.Ref)), $"pool-under-test-{n}");
        _peers[parent] = peer;
        return (pool, association, parent);
    }

    private AsapPeer Peer(IActorRef parent) => _peers[parent];

    private static AsapEndpointKeepAlive KeepAliveSent(TestProbe association)
    {
        var keepAlive = Assert.IsType<AsapEndpointKeepAlive>(association.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        Assert.Equal(PeId, keepAlive.PoolElementIdentifier);
        Assert.Equal(0x5e5e0003u, keepAlive.ServerIdentifier);
        Assert.Equal(Asap.EchoPool, keepAlive.PoolHandle);
        return keepAlive;
    }
}
