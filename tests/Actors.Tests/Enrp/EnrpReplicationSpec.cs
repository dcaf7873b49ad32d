// ENRP Handle Update replication and peering among registrars (RFC 5353 §3.3, §3.4; docs/protocol-notes.md §11).
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpReplicationSpec : EnrpSpecBase
{
    private const uint IdA = 0xa0000001;
    private const uint IdB = 0xb0000002;
    private const uint IdC = 0xc0000003;

    private (RegistrarNode A, RegistrarNode B, RegistrarNode C) StartThree()
    {
        var a = StartRegistrar(IdA, 1, [2, 3]);
        var b = StartRegistrar(IdB, 2, [1, 3]);
        var c = StartRegistrar(IdC, 3, [1, 2]);
        Settle();
        return (a, b, c);
    }

    [Fact]
    public void Static_peers_find_each_other_and_reach_InService()
    {
        var (a, b, c) = StartThree();

        foreach (var (node, others) in new[] { (a, new[] { IdB, IdC }), (b, new[] { IdA, IdC }), (c, new[] { IdA, IdB }) })
        {
            var status = Status(node);
            Assert.Equal(others, status.Peers.Select(p => p.ServerId).ToArray());
            Assert.All(status.Peers, p => Assert.Equal(EnrpPeerState.InService, p.State));
            Assert.All(status.Peers, p => Assert.Equal(EnrpEndPoint((int)(p.ServerId & 0xff)), p.EndPoint));
        }
    }

    [Fact]
    public void Registration_at_A_is_resolvable_at_B_and_C_and_back()
    {
        var (a, b, c) = StartThree();
        Assert.Empty(Resolve(b));

        Register(a, Connect(a), 0x101);
        Register(b, Connect(b), 0x202);

        Assert.Equal([0x101u, 0x202u], Resolve(a));
        Assert.Equal([0x101u, 0x202u], Resolve(b));
        Assert.Equal([0x101u, 0x202u], Resolve(c));
        var owners = Owners(c);
        Assert.Equal(IdA, owners[0x101]);
        Assert.Equal(IdB, owners[0x202]);
    }

    [Fact]
    public void Deregistration_and_association_loss_remove_everywhere()
    {
        var (a, b, c) = StartThree();
        var pe1 = Connect(a);
        var pe2 = Connect(a);
        Register(a, pe1, 0x101);
        Register(a, pe2, 0x102);
        Assert.Equal([0x101u, 0x102u], Resolve(c));

        Deregister(a, pe1, 0x101);
        Assert.Equal([0x102u], Resolve(b));
        Assert.Equal([0x102u], Resolve(c));

        Sys.Stop(pe2.Ref);   // the PE's association ends at its home
        Advance(TimeSpan.FromMilliseconds(10));
        Assert.Empty(Resolve(b));
        Assert.Empty(Resolve(c));
    }

    [Fact]
    public void Re_registration_at_another_registrar_moves_the_home_and_leaves_one_entry()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Assert.Equal(IdA, Owners(c)[0x101]);

        Register(b, Connect(b), 0x101);

        foreach (var node in new[] { a, b, c })
        {
            Assert.Equal([0x101u], Resolve(node));
            Assert.Equal(IdB, Owners(node)[0x101]);
        }

        // A no longer supervises it: its checksum covers no PE, and Presence audits find nothing to repair.
        Settle();
        Assert.Equal(IdB, Owners(a)[0x101]);
        Assert.Equal([0x101u], Resolve(c));
    }

    [Fact]
    public void Copies_expire_by_registration_life_unless_refreshed()
    {
        var (a, b, _) = StartThree();
        var pe = Connect(a);
        Register(a, pe, 0x101, lifeMs: 3000);
        // Only the copy's own life may remove it: DEL_PE and audits are lost.
        Network.Drop = m => m is EnrpHandleUpdate { Action: HandleUpdateAction.DeletePoolElement } or EnrpHandleTableRequest { OwnChildrenOnly: true };

        Advance(TimeSpan.FromMilliseconds(2000));
        Register(a, pe, 0x101, lifeMs: 3000);   // the re-registration's ADD_PE refreshes B's copy
        Advance(TimeSpan.FromMilliseconds(2000));
        Assert.Equal([0x101u], Resolve(b));

        Advance(TimeSpan.FromMilliseconds(1400));   // 3 s after the refresh, plus a heartbeat's sweep
        Assert.Empty(Resolve(b));
    }

    [Fact]
    public void Update_from_a_registrar_that_is_not_the_home_is_rejected()
    {
        var (a, b, _) = StartThree();
        Register(a, Connect(a), 0x101);
        var enrp = Network.HandlerAt(EnrpEndPoint(2))!;
        var fake = CreateTestProbe("fake-peer");
        const uint fakeId = 0x0f0f0f0f;
        void Send(EnrpMessage message) => fake.Send(enrp, new AssociationReceived<EnrpMessage>(message));
        Send(new EnrpPresence(fakeId, 0, 0xffff, null));

        var pe = Asap.Pe(0x303) with { HomeServerIdentifier = IdA };
        Send(new EnrpHandleUpdate(fakeId, IdB, HandleUpdateAction.AddPoolElement, Asap.EchoPool, pe));
        var victim = Asap.Pe(0x101) with { HomeServerIdentifier = fakeId };
        Send(new EnrpHandleUpdate(fakeId, IdB, HandleUpdateAction.DeletePoolElement, Asap.EchoPool, victim));
        Assert.Equal([0x101u], Resolve(b));

        Send(new EnrpHandleUpdate(fakeId, IdB, HandleUpdateAction.AddPoolElement, Asap.EchoPool, Asap.Pe(0x404) with { HomeServerIdentifier = fakeId }));
        Assert.Equal([0x101u, 0x404u], Resolve(b));
        Assert.Equal(fakeId, Owners(b)[0x404]);
    }

    [Fact]
    public void A_peer_that_keeps_sending_invalid_updates_is_disconnected()
    {
        var (_, b, _) = StartThree();
        var enrp = Network.HandlerAt(EnrpEndPoint(2))!;
        var fake = CreateTestProbe("fake-peer");
        const uint fakeId = 0x0f0f0f0f;
        fake.Send(enrp, new AssociationReceived<EnrpMessage>(new EnrpPresence(fakeId, 0, 0xffff, null)));
        var max = new EnrpSettings().MaxInvalidMessagesPerAssociation;
        for (int i = 1; i <= max; i++)
        {
            var pe = Asap.Pe((uint)i) with { HomeServerIdentifier = IdA };
            fake.Send(enrp, new AssociationReceived<EnrpMessage>(new EnrpHandleUpdate(fakeId, IdB, HandleUpdateAction.AddPoolElement, Asap.EchoPool, pe)));
        }

        fake.FishForMessage<CloseAssociation>(_ => true);
        Assert.Empty(Resolve(b));
    }

    [Fact]
    public void A_peer_cannot_hold_more_copies_than_its_limit()
    {
        var a = StartRegistrar(IdA, 1, [2], new EnrpSettings());
        var b = StartRegistrar(IdB, 2, [1], new EnrpSettings { MaxPoolElementsPerPeer = 2 });
        Settle();
        var pe = Connect(a);
        foreach (uint id in new uint[] { 0x101, 0x102, 0x103 })
        {
            Register(a, pe, id);
        }

        Assert.Equal([0x101u, 0x102u, 0x103u], Resolve(a));
        Assert.Equal([0x101u, 0x102u], Resolve(b));
        Register(a, pe, 0x102);   // refreshing a held copy is still accepted
        Assert.Equal([0x101u, 0x102u], Resolve(b));
    }

    // Replica changes reach the pools in batches (ReplicaChanges): a burst of ADD_PE and DEL_PE, including both for
    // the same PE, must leave every registrar with the same entries and per-owner checksums as the home.
    [Fact]
    public void A_burst_of_adds_and_deletes_leaves_the_same_entries_and_checksums_at_every_peer()
    {
        var (a, b, c) = StartThree();
        var pe = Connect(a);
        for (uint id = 0x101; id <= 0x128; id++)
        {
            a.Registrar.Tell(new AssociationReceived<AsapMessage>(Asap.Registration(id)), pe.Ref);
        }

        for (uint id = 0x101; id <= 0x128; id += 2)
        {
            a.Registrar.Tell(new AssociationReceived<AsapMessage>(new AsapDeregistration(Asap.EchoPool, id)), pe.Ref);
        }
        uint[] expected = Enumerable.Range(0x101, 0x28).Select(i => (uint)i).Where(id => id % 2 == 0).ToArray();
        PeChecksum checksum = expected.Aggregate(PeChecksum.Empty, (sum, id) => sum.Add(Asap.EchoPool.Span, id));
        foreach (var node in new[] { a, b, c })
        {
            Assert.Equal(expected, Resolve(node));
            var snapshot = Snapshot(node);
            Assert.Equal(expected, snapshot.Elements.Select(e => e.Identifier).Order().ToArray());
            Assert.All(snapshot.Elements, e => Assert.Equal(IdA, e.OwnerId));
            Assert.Equal(checksum, snapshot.OwnerChecksums[IdA]);
        }
    }
}
