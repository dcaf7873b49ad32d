// The publisher of the membership watch (issue 15 item 4): what it publishes on the pool's topic and how it answers
// snapshots, with probes for the registrar and the pub/sub mediator (docs/cluster.md "Membership watch").
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.TestKit;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class PoolWatchActorSpec : VirtualTimeTestKit
{
    private const uint Home = 0x5e5e_0001;
    private static readonly string Topic = PoolWatchTopic.For(Asap.EchoPool);
    private readonly TestProbe _registrar;
    private readonly TestProbe _mediator;
    private readonly IActorRef _watch;

    public PoolWatchActorSpec()
    {
        _registrar = CreateTestProbe("registrar");
        _mediator = CreateTestProbe("mediator");
        _watch = Sys.ActorOf(PoolWatchActor.Props(_registrar.Ref, _mediator.Ref), PoolWatchActor.Name);
        Assert.Equal(_watch, _registrar.ExpectMsg<AttachPoolWatch>().Watch);
    }

    private static PoolElement Pe(uint id, uint load = 0) => Asap.Pe(id, PoolMemberSelectionPolicy.LeastUsed(load)) with { HomeServerIdentifier = Home };

    private void Tell(HomeChange change, PoolChangeReason reason, PoolElement element) =>
        _watch.Tell(new HomeElementChanged(Asap.EchoPool, change, reason, element.Identifier, change == HomeChange.Left ? null : element), _registrar.Ref);

    private PoolChanged ExpectPublished(PoolChangeKind kind, PoolChangeReason reason, uint identifier)
    {
        var publish = _mediator.ExpectMsg<Publish>();
        Assert.Equal(Topic, publish.Topic);
        var changed = Assert.IsType<PoolChanged>(publish.Message);
        Assert.Equal((Asap.EchoPool, kind, reason, identifier), (changed.PoolHandle, changed.Kind, changed.Reason, changed.Element.Identifier));
        Assert.Equal(_watch, changed.Origin);
        return changed;
    }

    private PoolWatchSnapshot Snapshot(long known)
    {
        var asker = CreateTestProbe();
        _watch.Tell(new GetPoolWatchSnapshot(Asap.EchoPool, known), asker.Ref);
        var snapshot = asker.ExpectMsg<PoolWatchSnapshot>();
        Assert.Equal(_watch, asker.LastSender);
        return snapshot;
    }

    [Fact]
    public void Each_change_a_pool_user_could_see_is_published_in_sequence_and_a_re_registration_that_changes_nothing_is_not()
    {
        Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(1));
        var first = ExpectPublished(PoolChangeKind.Added, PoolChangeReason.Registered, 1);
        Assert.Equal((1L, 0L), (first.Sequence, first.PreviousSequence));

        Tell(HomeChange.Upserted, PoolChangeReason.ReRegistered, Pe(1));
        _mediator.ExpectNoMsg();

        Tell(HomeChange.Upserted, PoolChangeReason.ReRegistered, Pe(1, load: 9));
        var load = ExpectPublished(PoolChangeKind.Updated, PoolChangeReason.ReRegistered, 1);
        Assert.Equal((2L, 1L), (load.Sequence, load.PreviousSequence));
        Assert.Equal(9u, load.Element.Policy.Load);

        Tell(HomeChange.Removed, PoolChangeReason.KeepAliveTimeout, Pe(1, load: 9));
        var removed = ExpectPublished(PoolChangeKind.Removed, PoolChangeReason.KeepAliveTimeout, 1);
        Assert.Equal((3L, 2L), (removed.Sequence, removed.PreviousSequence));

        Tell(HomeChange.Removed, PoolChangeReason.Deregistered, Pe(1));   // not here any more
        _mediator.ExpectNoMsg();
    }

    [Fact]
    public void A_snapshot_holds_the_home_pes_at_the_origins_sequence_or_says_unchanged_since_the_known_sequence()
    {
        Assert.Equal((0L, 0), (Snapshot(0).Sequence, Snapshot(0).Elements!.Count));
        Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(1));
        Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(2));
        _mediator.ReceiveN(2);

        var full = Snapshot(0);
        Assert.Equal(2L, full.Sequence);
        Assert.Equal([1u, 2u], full.Elements!.Select(e => e.Identifier).Order());
        // A check: the number of the pool's last event here, whatever the subscriber knows.
        Assert.Equal((2L, null), (Snapshot(2).Sequence, Snapshot(2).Elements));
        Assert.Equal((2L, null), (Snapshot(1).Sequence, Snapshot(1).Elements));

        // A PE whose home moved to another registrar leaves without an event (its new home publishes).
        Tell(HomeChange.Left, PoolChangeReason.TakenOver, Pe(2));
        _mediator.ExpectNoMsg();
        Assert.Equal([1u], Snapshot(0).Elements!.Select(e => e.Identifier));
    }

    [Fact]
    public void A_large_snapshot_comes_in_pages_that_fit_akka_remotes_frame()
    {
        for (uint id = 1; id <= 600; id++)
        {
            Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(id));
        }

        _mediator.ReceiveN(600);
        var asker = CreateTestProbe();
        _watch.Tell(new GetPoolWatchSnapshot(Asap.EchoPool, 0), asker.Ref);
        var pages = new[] { asker.ExpectMsg<PoolWatchSnapshot>(), asker.ExpectMsg<PoolWatchSnapshot>(), asker.ExpectMsg<PoolWatchSnapshot>() };

        Assert.Equal([true, true, false], pages.Select(p => p.More));
        Assert.All(pages, p => Assert.Equal(600L, p.Sequence));
        Assert.Equal(Enumerable.Range(1, 600).Select(i => (uint)i), pages.SelectMany(p => p.Elements!).Select(e => e.Identifier).Order());
        var hyperion = new Akka.Serialization.HyperionSerializer((ExtendedActorSystem)Sys);   // hocon/cluster.conf's binding
        Assert.All(pages, p => Assert.True(hyperion.ToBinary(p).Length < 128_000));
    }

    [Fact]
    public void The_pools_home_pes_on_attach_are_published_and_those_gone_meanwhile_removed()
    {
        Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(1));
        ExpectPublished(PoolChangeKind.Added, PoolChangeReason.Registered, 1);

        _watch.Tell(new PoolHomeElements(Asap.EchoPool, [Pe(2)]), _registrar.Ref);
        ExpectPublished(PoolChangeKind.Added, PoolChangeReason.Registered, 2);
        ExpectPublished(PoolChangeKind.Removed, PoolChangeReason.Resynchronized, 1);
    }

    // The evicted copy's last event (2) is the predecessor: a subscriber that missed the removal sees the gap.
    [Fact]
    public void A_pool_emptied_and_filled_again_names_the_last_event_of_its_evicted_copy_so_a_subscriber_that_missed_it_sees_the_gap()
    {
        Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(1));
        Tell(HomeChange.Removed, PoolChangeReason.Deregistered, Pe(1));
        _watch.Tell(new HomeElementChanged(Asap.OtherPool, HomeChange.Upserted, PoolChangeReason.Registered, 3, Pe(3)), _registrar.Ref);
        _mediator.ReceiveN(3);

        Tell(HomeChange.Upserted, PoolChangeReason.Registered, Pe(1));
        var again = ExpectPublished(PoolChangeKind.Added, PoolChangeReason.Registered, 1);
        Assert.Equal((4L, 2L), (again.Sequence, again.PreviousSequence));
    }

    // Found while writing PoolWatchTakeoverProcessTests: a registrar that takes over PEs of pools it had none of
    // started each new copy at its current sequence, so every pool after the first named the takeover of the previous
    // one as its predecessor: a subscriber that had read this registrar's snapshot saw a gap and showed the moves as
    // Resynchronized (after one more snapshot round trip) instead of TakenOver.
    [Fact]
    public void A_takeover_into_pools_new_here_names_no_predecessor_newer_than_a_subscribers_snapshot()
    {
        _watch.Tell(new HomeElementChanged(Asap.OtherPool, HomeChange.Upserted, PoolChangeReason.Registered, 3, Pe(3)), _registrar.Ref);
        _mediator.ExpectMsg<Publish>();
        var read = Snapshot(known: 0);   // a subscriber of EchoPool: no PE here, as of event 1
        Assert.Equal((1L, 0), (read.Sequence, read.Elements!.Count));

        _watch.Tell(new HomeElementChanged(Asap.OtherPool, HomeChange.Upserted, PoolChangeReason.TakenOver, 4, Pe(4)), _registrar.Ref);
        _mediator.ExpectMsg<Publish>();
        Tell(HomeChange.Upserted, PoolChangeReason.TakenOver, Pe(1));
        var taken = ExpectPublished(PoolChangeKind.Added, PoolChangeReason.TakenOver, 1);
        Assert.Equal(3L, taken.Sequence);
        Assert.True(taken.PreviousSequence <= read.Sequence, $"predecessor {taken.PreviousSequence} after the snapshot's {read.Sequence}: a false gap");
    }

    [Fact]
    public void The_watch_stops_with_its_registrar()
    {
        Watch(_watch);
        Sys.Stop(_registrar.Ref);
        ExpectTerminated(_watch);
    }
}
