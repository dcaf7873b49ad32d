// A subscriber's side of the membership watch (issue 15 item 4): snapshot then events, per-origin order, gaps,
// stale removals, verify checks and a lost home, with probes for the mediator and the origins (docs/cluster.md
// "Membership watch"). Without a cluster provider the subscription learns its origins from their events.
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.TestKit;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class PoolWatchSubscriptionSpec : VirtualTimeTestKit
{
    private static readonly PoolWatchSettings Settings = PoolWatchSettings.Default;
    private readonly TestProbe _mediator;
    private readonly TestProbe _subscriber;
    private readonly IActorRef _subscription;

    public PoolWatchSubscriptionSpec()
    {
        _mediator = CreateTestProbe("mediator");
        _subscriber = CreateTestProbe("subscriber");
        _subscription = Sys.ActorOf(PoolWatchSubscriptionActor.Props(Asap.EchoPool, _subscriber.Ref, _mediator.Ref, Settings));
        var subscribe = _mediator.ExpectMsg<Subscribe>();
        Assert.Equal(PoolWatchTopic.For(Asap.EchoPool), subscribe.Topic);
        _subscription.Tell(new SubscribeAck(subscribe), _mediator.Ref);
        Assert.Empty(_subscriber.ExpectMsg<PoolMembers>().Elements);   // no registrar node known: nothing to wait for
    }

    private static PoolElement Pe(uint id, uint home, uint load = 0) => Asap.Pe(id, PoolMemberSelectionPolicy.LeastUsed(load)) with { HomeServerIdentifier = home };

    private void Publish(TestProbe origin, PoolChangeKind kind, PoolChangeReason reason, PoolElement element, long sequence, long previous) =>
        _subscription.Tell(new PoolChanged(Asap.EchoPool, kind, reason, element, origin.Ref, sequence, previous), _mediator.Ref);

    private void AnswerSnapshot(TestProbe origin, long sequence, params PoolElement[] elements)
    {
        Assert.Equal(0, origin.ExpectMsg<GetPoolWatchSnapshot>().KnownSequence);
        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, sequence, elements), origin.Ref);
    }

    private PoolChanged Expect(PoolChangeKind kind, PoolChangeReason reason, uint identifier)
    {
        var changed = _subscriber.ExpectMsg<PoolChanged>();
        Assert.Equal((kind, reason, identifier), (changed.Kind, changed.Reason, changed.Element.Identifier));
        return changed;
    }

    [Fact]
    public void Events_of_a_new_origin_wait_for_its_snapshot_and_only_those_after_it_apply()
    {
        var origin = CreateTestProbe("origin");
        Publish(origin, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(2, 1), sequence: 4, previous: 3);
        Publish(origin, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(3, 1), sequence: 5, previous: 4);
        _subscriber.ExpectNoMsg();

        AnswerSnapshot(origin, 4, Pe(1, 1), Pe(2, 1));   // covers event 4 already

        Assert.Equal([1u, 2u], new[] { Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 1), Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 2) }
            .Select(c => c.Element.Identifier).Order());
        Expect(PoolChangeKind.Added, PoolChangeReason.Registered, 3);
        _subscriber.ExpectNoMsg();
    }

    [Fact]
    public void A_gap_in_an_origins_sequence_re_reads_its_snapshot_and_a_repeated_event_is_dropped()
    {
        var origin = CreateTestProbe("origin");
        Publish(origin, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(1, 1), sequence: 1, previous: 0);
        AnswerSnapshot(origin, 0);
        Expect(PoolChangeKind.Added, PoolChangeReason.Registered, 1);

        Publish(origin, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(1, 1), sequence: 1, previous: 0);
        _subscriber.ExpectNoMsg();

        // Event 2 (PE 2 added) was lost; event 3 names 2 as its predecessor.
        Publish(origin, PoolChangeKind.Updated, PoolChangeReason.ReRegistered, Pe(1, 1, load: 5), sequence: 3, previous: 2);
        _subscriber.ExpectNoMsg();
        AnswerSnapshot(origin, 3, Pe(1, 1, load: 5), Pe(2, 1));
        var resynchronized = new[] { _subscriber.ExpectMsg<PoolChanged>(), _subscriber.ExpectMsg<PoolChanged>() };
        Assert.Contains(resynchronized, c => c is { Kind: PoolChangeKind.Updated, Element.Identifier: 1 } && c.Element.Policy.Load == 5);
        Assert.Contains(resynchronized, c => c is { Kind: PoolChangeKind.Added, Element.Identifier: 2 });
        _subscriber.ExpectNoMsg();   // event 3 was in the snapshot
    }

    [Fact]
    public void A_removal_from_a_former_home_is_stale_once_another_registrar_published_the_pe()
    {
        var first = CreateTestProbe("first");
        var second = CreateTestProbe("second");
        Publish(first, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(1, 1), sequence: 1, previous: 0);
        AnswerSnapshot(first, 0);
        Expect(PoolChangeKind.Added, PoolChangeReason.Registered, 1);

        // PE 1 re-registered at the second registrar, then its old association at the first closed.
        Publish(second, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(1, 2), sequence: 1, previous: 0);
        AnswerSnapshot(second, 0);
        var moved = Expect(PoolChangeKind.Updated, PoolChangeReason.Registered, 1);
        Assert.Equal(2u, moved.Element.HomeServerIdentifier);
        Publish(first, PoolChangeKind.Removed, PoolChangeReason.AssociationClosed, Pe(1, 1), sequence: 2, previous: 1);
        _subscriber.ExpectNoMsg();

        Publish(second, PoolChangeKind.Removed, PoolChangeReason.Deregistered, Pe(1, 2), sequence: 2, previous: 1);
        Expect(PoolChangeKind.Removed, PoolChangeReason.Deregistered, 1);
    }

    [Fact]
    public void Every_verify_interval_each_origin_is_checked_and_an_event_still_missing_at_the_next_check_is_read_from_its_snapshot()
    {
        var origin = CreateTestProbe("origin");
        Publish(origin, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(1, 1), sequence: 1, previous: 0);
        AnswerSnapshot(origin, 0);
        Expect(PoolChangeKind.Added, PoolChangeReason.Registered, 1);

        Advance(Settings.VerifyInterval);
        Assert.Equal(1, origin.ExpectMsg<GetPoolWatchSnapshot>().KnownSequence);
        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, 1, null), origin.Ref);   // the pool's last event is the one applied
        Advance(Settings.VerifyInterval);
        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, origin.ExpectMsg<GetPoolWatchSnapshot>().KnownSequence, null), origin.Ref);

        // Event 5 was published before the subscription reached the origin's node: it never comes.
        Advance(Settings.VerifyInterval);
        origin.ExpectMsg<GetPoolWatchSnapshot>();
        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, 5, null), origin.Ref);   // maybe on its way
        _subscriber.ExpectNoMsg();
        Advance(Settings.VerifyInterval);
        origin.ExpectMsg<GetPoolWatchSnapshot>();
        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, 5, null), origin.Ref);   // still missing: lost
        AnswerSnapshot(origin, 9, Pe(1, 1), Pe(4, 1));
        Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 4);
        _subscriber.ExpectNoMsg();
    }

    [Fact]
    public void A_snapshot_in_pages_applies_once_its_last_page_came()
    {
        var origin = CreateTestProbe("origin");
        Publish(origin, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(3, 1), sequence: 3, previous: 2);
        origin.ExpectMsg<GetPoolWatchSnapshot>();
        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, 2, [Pe(1, 1)], More: true), origin.Ref);
        _subscriber.ExpectNoMsg();

        _subscription.Tell(new PoolWatchSnapshot(Asap.EchoPool, 2, [Pe(2, 1)]), origin.Ref);

        Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 1);
        Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 2);
        Expect(PoolChangeKind.Added, PoolChangeReason.Registered, 3);
    }

    [Fact]
    public void The_pes_of_a_home_that_terminated_go_after_the_grace_unless_another_registrar_took_them_over()
    {
        var lost = CreateTestProbe("lost");
        var taker = CreateTestProbe("taker");
        Publish(lost, PoolChangeKind.Added, PoolChangeReason.Registered, Pe(1, 1), sequence: 1, previous: 0);
        AnswerSnapshot(lost, 0, Pe(2, 1));
        Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 2);
        Expect(PoolChangeKind.Added, PoolChangeReason.Registered, 1);

        // Logged for operators (rserpool monitor --watch-pool): the stop, then what the grace removed.
        EventFilter.Info(contains: "stopped; its 2 PE(s) stay for 00:00:10").ExpectOne(() => Sys.Stop(lost.Ref));
        Publish(taker, PoolChangeKind.Added, PoolChangeReason.TakenOver, Pe(1, 3), sequence: 1, previous: 0);
        AnswerSnapshot(taker, 0);
        Expect(PoolChangeKind.Updated, PoolChangeReason.TakenOver, 1);

        EventFilter.Info(contains: "gone for 00:00:10: 1 PE(s) that no registrar took over removed")
            .ExpectOne(() => Advance(Settings.HomeLostGrace + Settings.VerifyInterval));
        Expect(PoolChangeKind.Removed, PoolChangeReason.HomeRegistrarLost, 2);
        _subscriber.ExpectNoMsg();
    }

    // Found while writing PoolWatchTakeoverProcessTests; here with a real publisher: a taker without a PE of the pool
    // while it publishes in other pools. Before the fix the takeover named the other pool's event as its predecessor:
    // a false gap, and the subscriber got the move from a snapshot as Resynchronized instead of TakenOver.
    [Fact]
    public void A_takeover_into_a_pool_the_taker_had_emptied_reaches_the_subscriber_as_taken_over_while_other_pools_publish()
    {
        var registrar = CreateTestProbe("taker-registrar");
        var takerMediator = CreateTestProbe("taker-mediator");
        var taker = Sys.ActorOf(PoolWatchActor.Props(registrar.Ref, takerMediator.Ref));
        registrar.ExpectMsg<AttachPoolWatch>();

        // What the taker publishes on EchoPool's topic reaches the subscription, as the mediators deliver it.
        void Change(PoolHandle pool, HomeChange change, PoolChangeReason reason, PoolElement element)
        {
            taker.Tell(new HomeElementChanged(pool, change, reason, element.Identifier, element), registrar.Ref);
            var publish = takerMediator.ExpectMsg<Publish>();
            if (publish.Topic == PoolWatchTopic.For(Asap.EchoPool))
            {
                _subscription.Tell(publish.Message, _mediator.Ref);
            }
        }

        Change(Asap.EchoPool, HomeChange.Upserted, PoolChangeReason.Registered, Pe(9, 2));   // a new origin: read from its snapshot
        Expect(PoolChangeKind.Added, PoolChangeReason.Resynchronized, 9);
        Change(Asap.EchoPool, HomeChange.Removed, PoolChangeReason.Deregistered, Pe(9, 2));   // the taker's copy of EchoPool is evicted
        Expect(PoolChangeKind.Removed, PoolChangeReason.Deregistered, 9);

        Change(Asap.OtherPool, HomeChange.Upserted, PoolChangeReason.TakenOver, Pe(4, 2));
        Change(Asap.EchoPool, HomeChange.Upserted, PoolChangeReason.TakenOver, Pe(1, 2));
        Expect(PoolChangeKind.Added, PoolChangeReason.TakenOver, 1);
        _subscriber.ExpectNoMsg();
    }

    [Fact]
    public void The_subscription_ends_with_its_subscriber()
    {
        Watch(_subscription);
        Sys.Stop(_subscriber.Ref);
        ExpectTerminated(_subscription);
        Assert.Equal(PoolWatchTopic.For(Asap.EchoPool), _mediator.ExpectMsg<Unsubscribe>().Topic);
    }
}
