// The registrar side of the membership watch (issue 15 item 4): what the pool actors tell an attached watch, on the
// virtual clock with probes for associations (docs/cluster.md "Membership watch").
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class PoolWatchHomeChangesSpec : RegistrarSpecBase
{
    private const uint OtherRegistrar = 0x0be0_0002;

    public PoolWatchHomeChangesSpec() => Start();

    // One policy for the pool: a pool's PEs must agree on it (RFC 5352 §3.1, cause 0x0008).
    private static AsapRegistration Registration(uint id, uint load = 0) => Asap.Registration(id, PoolMemberSelectionPolicy.LeastUsed(load));

    private TestProbe AttachWatch()
    {
        var watch = CreateTestProbe("watch");
        Registrar.Tell(new AttachPoolWatch(watch.Ref));
        return watch;
    }

    private static HomeElementChanged ExpectChange(TestProbe watch, HomeChange change, PoolChangeReason reason, uint identifier)
    {
        var message = watch.ExpectMsg<HomeElementChanged>();
        Assert.Equal((change, reason, identifier), (message.Change, message.Reason, message.Identifier));
        Assert.Equal(Asap.EchoPool, message.PoolHandle);
        return message;
    }

    [Fact]
    public void An_attached_watch_gets_the_home_pes_first_then_each_registration_and_removal_with_its_reason()
    {
        var pe = Connect();
        RegisterAccepted(pe, Registration(1));

        var watch = AttachWatch();
        var home = watch.ExpectMsg<PoolHomeElements>();
        Assert.Equal([1u], home.Elements.Select(e => e.Identifier));
        Assert.All(home.Elements, e => Assert.Equal(ServerId, e.HomeServerIdentifier));

        RegisterAccepted(pe, Registration(2));
        var added = ExpectChange(watch, HomeChange.Upserted, PoolChangeReason.Registered, 2);
        Assert.Equal(ServerId, added.Element!.HomeServerIdentifier);

        RegisterAccepted(pe, Registration(2, load: 7));
        var updated = ExpectChange(watch, HomeChange.Upserted, PoolChangeReason.ReRegistered, 2);
        Assert.Equal(7u, updated.Element!.Policy.Load);

        Send(pe, new AsapDeregistration(Asap.EchoPool, 2));
        ExpectSent<AsapDeregistrationResponse>(pe);
        ExpectChange(watch, HomeChange.Removed, PoolChangeReason.Deregistered, 2);

        var other = Connect();
        RegisterAccepted(other, Registration(3));
        ExpectChange(watch, HomeChange.Upserted, PoolChangeReason.Registered, 3);
        Sys.Stop(other.Ref);
        ExpectChange(watch, HomeChange.Removed, PoolChangeReason.AssociationClosed, 3);

        // PE 1 stops acking: removed after the keep-alive interval and timeout (RFC 5352 §3.4).
        Advance(Interval);
        ExpectSent<AsapEndpointKeepAlive>(pe);
        Advance(Timeout);
        ExpectChange(watch, HomeChange.Removed, PoolChangeReason.KeepAliveTimeout, 1);
        watch.ExpectNoMsg();
    }

    [Fact]
    public void A_pool_created_after_the_watch_attached_tells_it_too()
    {
        var watch = AttachWatch();
        var pe = Connect();
        RegisterAccepted(pe, Asap.Registration(9, PoolMemberSelectionPolicy.LeastUsed(0), Asap.OtherPool));

        Assert.Empty(watch.ExpectMsg<PoolHomeElements>().Elements);
        var added = watch.ExpectMsg<HomeElementChanged>();
        Assert.Equal((Asap.OtherPool, HomeChange.Upserted, 9u), (added.PoolHandle, added.Change, added.Identifier));
    }

    [Fact]
    public void Copies_of_other_registrars_pes_are_not_told_but_a_takeover_makes_them_home_here()
    {
        var watch = AttachWatch();
        var copy = Asap.Pe(5, PoolMemberSelectionPolicy.LeastUsed(0)) with { HomeServerIdentifier = OtherRegistrar };
        // The ENRP actor's messages (RFC 5353 §3.3, §3.5); without ENRP settings the registrar's ENRP child is Nobody.
        Registrar.Tell(new ReplicaChanges([ReplicaChange.Apply(Asap.EchoPool, copy)]), ActorRefs.Nobody);
        Assert.Empty(watch.ExpectMsg<PoolHomeElements>().Elements);
        watch.ExpectNoMsg();

        Registrar.Tell(new OwnershipTransfer(OtherRegistrar, ServerId), ActorRefs.Nobody);
        var adopted = ExpectChange(watch, HomeChange.Upserted, PoolChangeReason.TakenOver, 5);
        Assert.Equal(ServerId, adopted.Element!.HomeServerIdentifier);
    }

    [Fact]
    public void A_home_pe_that_re_registered_at_another_registrar_leaves_the_watch_without_a_removal()
    {
        var watch = AttachWatch();
        var pe = Connect();
        RegisterAccepted(pe, Registration(6));
        watch.ExpectMsg<PoolHomeElements>();
        ExpectChange(watch, HomeChange.Upserted, PoolChangeReason.Registered, 6);

        // Its new home's ADD_PE (RFC 5353 §3.3): it is a copy here now.
        var moved = Asap.Pe(6, PoolMemberSelectionPolicy.LeastUsed(0)) with { HomeServerIdentifier = OtherRegistrar };
        Registrar.Tell(new ReplicaChanges([ReplicaChange.Apply(Asap.EchoPool, moved)]), ActorRefs.Nobody);
        ExpectChange(watch, HomeChange.Left, PoolChangeReason.TakenOver, 6);
        watch.ExpectNoMsg();
    }

    [Fact]
    public void A_stopped_watch_is_detached_and_the_pools_tell_it_nothing_more()
    {
        var watch = AttachWatch();
        var pe = Connect();
        RegisterAccepted(pe, Registration(8));
        watch.ExpectMsg<PoolHomeElements>();
        ExpectChange(watch, HomeChange.Upserted, PoolChangeReason.Registered, 8);
        Watch(watch.Ref);
        Sys.Stop(watch.Ref);
        ExpectTerminated(watch.Ref);

        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        RegisterAccepted(pe, Registration(8, load: 1));
        deadLetters.ExpectNoMsg();
    }
}
