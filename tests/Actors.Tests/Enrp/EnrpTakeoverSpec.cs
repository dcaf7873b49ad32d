// Registrar takeover (RFC 5353 §3.4.3 failure detection, §3.5): timing, uniqueness, contest, H-flag keep-alives.
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpTakeoverSpec : EnrpSpecBase
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

    // C partitioned from A and B; a Presence with Receiver ID 0 goes to a static peer no longer in the list, here C.
    private static bool CutOffC(EnrpMessage message) =>
        message.SenderServerId == IdC || message.ReceiverServerId is IdC or 0;

    private uint[] TakersOf(uint target, params RegistrarNode[] nodes) =>
        nodes.Where(node => Status(node).TakenOver.Contains(target)).Select(node => node.Id).ToArray();

    [Fact]
    public void A_killed_registrar_is_taken_over_by_exactly_one_survivor_within_the_documented_time()
    {
        var (a, b, c) = StartThree();
        var pe = Connect(a);
        foreach (uint id in new uint[] { 0x101, 0x102, 0x103 })
        {
            Register(a, pe, id);
        }

        Kill(a);
        // Silence is probed after MAX-TIME-LAST-HEARD (750 ms) and declared after MAX-TIME-NO-RESPONSE (500 ms) more,
        // counted from the last Presence heard (at most one jittered cycle, 281 ms, before the kill).
        Advance(TimeSpan.FromMilliseconds(950));
        Assert.Empty(TakersOf(IdA, b, c));
        Assert.All(Owners(b).Values, owner => Assert.Equal(IdA, owner));

        Advance(TimeSpan.FromMilliseconds(350));   // 1.3 s after the kill
        uint taker = Assert.Single(TakersOf(IdA, b, c));
        foreach (var node in new[] { b, c })
        {
            Assert.Equal([0x101u, 0x102u, 0x103u], Resolve(node));
            var owners = Owners(node);   // one entry per PE (ToDictionary throws on duplicates)
            Assert.All(owners.Values, owner => Assert.Equal(taker, owner));
            Assert.DoesNotContain(Status(node).Peers, peer => peer.ServerId == IdA);
        }

        // The handlespaces stay consistent afterwards (audits find nothing to change).
        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Snapshot(b).OwnerChecksums[taker], Snapshot(c).OwnerChecksums[taker]);
        Assert.Equal([0x101u, 0x102u, 0x103u], Resolve(c));
    }

    [Fact]
    public void The_new_home_sends_keep_alives_with_the_H_flag_over_an_association_it_has_with_the_PE()
    {
        var (a, b, c) = StartThree();
        var remote = new IPEndPoint(IPAddress.Parse("10.7.0.1"), 47000);
        Register(a, Connect(a, remote), 0x101);
        var atB = Connect(b, remote);
        var atC = Connect(c, remote);

        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));

        uint taker = Assert.Single(TakersOf(IdA, b, c));
        var (home, other) = taker == IdB ? (atB, atC) : (atC, atB);
        var keepAlive = Assert.IsType<AsapEndpointKeepAlive>(home.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        Assert.True(keepAlive.HomeFlag);
        Assert.Equal(taker, keepAlive.ServerIdentifier);
        Assert.Equal(0x101u, keepAlive.PoolElementIdentifier);
        other.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_PE_that_re_registers_elsewhere_after_the_takeover_leaves_one_entry_everywhere()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        uint taker = Assert.Single(TakersOf(IdA, b, c));
        var (home, other) = taker == IdB ? (b, c) : (c, b);

        Register(other, Connect(other), 0x101);   // the PE moves on after losing its registrar

        foreach (var node in new[] { home, other })
        {
            Assert.Equal([0x101u], Resolve(node));
            Assert.Equal(other.Id, Owners(node)[0x101]);
        }
    }

    [Fact]
    public void A_contested_takeover_is_won_by_the_lower_server_id()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Network.Hold = m => m is EnrpInitTakeover;   // B and C start their takeovers without seeing each other's

        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        Assert.Equal([IdA], Status(b).TakeoversRunning);
        Assert.Equal([IdA], Status(c).TakeoversRunning);

        Assert.Equal(2, Network.Release());
        Advance(TimeSpan.FromMilliseconds(10));

        Assert.Equal([IdB], TakersOf(IdA, b, c));
        Assert.Empty(Status(c).TakeoversRunning);
        Assert.Equal(IdB, Owners(b)[0x101]);
        Assert.Equal(IdB, Owners(c)[0x101]);
    }

    [Fact]
    public void A_takeover_does_not_wait_for_the_acknowledgement_of_a_peer_that_died_meanwhile()
    {
        // In scenario 4 of issue 7 (docs/interop.md) hsdump, a short-lived peer, left one outstanding acknowledgement.
        var slowExpiry = new EnrpSettings { TakeoverExpiry = TimeSpan.FromSeconds(5) };
        var a = StartRegistrar(IdA, 1, [2, 3]);
        var b = StartRegistrar(IdB, 2, [1, 3], slowExpiry);
        var c = StartRegistrar(IdC, 3, [1, 2]);
        Settle();
        Register(a, Connect(a), 0x101);
        Settle();

        Kill(a);
        Advance(TimeSpan.FromMilliseconds(400));
        Kill(c);   // b starts the takeover of a while c is still in its peer list, then finds c dead too
        Advance(TimeSpan.FromMilliseconds(2100));

        Assert.Equal([IdB], TakersOf(IdA, b));
        Assert.Equal(IdB, Owners(b)[0x101]);
        Assert.Empty(Status(b).Peers);
    }

    [Fact]
    public void A_silent_registrar_without_PEs_is_removed_from_the_peer_list_without_a_takeover()
    {
        var (a, b, c) = StartThree();
        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));

        Assert.Empty(TakersOf(IdA, b, c));
        Assert.DoesNotContain(Status(b).Peers, peer => peer.ServerId == IdA);
        Assert.DoesNotContain(Network.Delivered, m => m is EnrpInitTakeover);
    }

    [Fact]
    public void A_registrar_taken_over_that_comes_back_with_its_old_id_is_a_peer_again()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        Assert.Single(TakersOf(IdA, b, c));

        // Same server id, same endpoint: its Presence makes it a new peer of both survivors, which keep running.
        StartRegistrar(IdA, 1, [2, 3]);
        Advance(TimeSpan.FromMilliseconds(600));
        foreach (var node in new[] { b, c })
        {
            Assert.Contains(Status(node).Peers, peer => peer.ServerId == IdA);
            Assert.Equal([0x101u], Resolve(node));
        }
    }

    [Fact]
    public void A_takeover_is_given_up_when_a_live_peer_does_not_acknowledge_in_time()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Network.Drop = m => m is EnrpInitTakeoverAck or EnrpInitTakeover;

        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        Assert.NotEmpty(Status(b).TakeoversRunning);
        Advance(TimeSpan.FromMilliseconds(1000));   // takeover expiry

        Assert.Empty(TakersOf(IdA, b, c));
        Assert.Empty(Status(b).TakeoversRunning);
        Assert.Equal(IdA, Owners(b)[0x101]);   // the copy now lives only until its registration life ends
    }

    [Fact]
    public void A_taken_over_PE_that_never_re_registers_goes_after_its_registration_life()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101, lifeMs: 3000);
        Kill(a);
        Advance(TimeSpan.FromMilliseconds(1300));
        uint taker = Assert.Single(TakersOf(IdA, b, c));
        var home = taker == IdB ? b : c;
        Assert.Equal(taker, Snapshot(home).Elements.Single().OwnerId);

        Advance(TimeSpan.FromMilliseconds(2500));   // under 3 s since the takeover (which came 0.97-1.25 s after the kill)
        Assert.Equal([0x101u], Resolve(home));
        Advance(TimeSpan.FromMilliseconds(700));    // over 3 s since the takeover
        Assert.Empty(Resolve(b));
        Assert.Empty(Resolve(c));
    }

    [Fact]
    public void A_registrar_cut_off_from_its_peers_takes_none_of_them_over_while_the_majority_takes_it_over()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Register(b, Connect(b), 0x102);
        Register(c, Connect(c), 0x103);
        Settle();

        Network.Drop = CutOffC;
        Advance(TimeSpan.FromSeconds(3));

        Assert.Single(TakersOf(IdC, a, b));
        Assert.Empty(Status(c).TakenOver);
        Assert.Empty(Status(c).TakeoversRunning);
        var owners = Owners(c);
        Assert.Equal(IdA, owners[0x101]);
        Assert.Equal(IdB, owners[0x102]);
        Assert.All(Status(c).Peers, peer => Assert.True(peer.Silent));
    }

    [Fact]
    public void After_a_partition_heals_the_PEs_each_side_supervises_keep_their_home_and_every_registrar_agrees()
    {
        var (a, b, c) = StartThree();
        Register(a, Connect(a), 0x101);
        Register(b, Connect(b), 0x102);
        var pe103AtC = Connect(c);
        Register(c, pe103AtC, 0x103);
        Settle();

        Network.Drop = CutOffC;
        Advance(TimeSpan.FromSeconds(3));
        uint taker = Assert.Single(TakersOf(IdC, a, b));
        var takerNode = taker == IdA ? a : b;

        // During the partition PE 0x103 moves to the taker, and a new PE registers at C, the only registrar it reaches.
        Register(takerNode, Connect(takerNode), 0x103);
        Sys.Stop(pe103AtC.Ref);
        var pe104AtC = Connect(c);
        Register(c, pe104AtC, 0x104);
        Advance(TimeSpan.FromSeconds(1));

        Network.Drop = _ => false;
        Advance(TimeSpan.FromSeconds(4));
        // Told it was taken over, C asks the PE on its live association whether it kept its home at C; it did.
        AckHomeKeepAlive(c, pe104AtC, 0x104);
        Advance(TimeSpan.FromSeconds(4));
        foreach (var node in new[] { a, b, c })
        {
            Assert.Equal([0x101u, 0x102u, 0x103u, 0x104u], Resolve(node));
            var owners = Owners(node);
            Assert.Equal(IdA, owners[0x101]);
            Assert.Equal(IdB, owners[0x102]);
            Assert.Equal(taker, owners[0x103]);
            Assert.Equal(IdC, owners[0x104]);   // C still supervises it: the PE chose C
        }

        // C supervises 0x104: its association ends, and it leaves every registrar.
        Sys.Stop(pe104AtC.Ref);
        Advance(TimeSpan.FromMilliseconds(500));
        foreach (var node in new[] { a, b, c })
        {
            Assert.Equal([0x101u, 0x102u, 0x103u], Resolve(node));
        }
    }

    // The sequence of a hung registrar resuming (CI, TakeoverProcessTests): the PE took the taker's H=1 and closed its
    // association with C, but C, resuming, reads that end only after it hears it was taken over. C must not claim
    // the PE for the moment the association still looks live: every registrar keeps the PE at the taker.
    [Fact]
    public void A_PE_whose_association_ends_only_after_its_registrar_returns_stays_with_the_taker()
    {
        var (a, b, c) = StartThree();
        var pe103AtC = Connect(c);
        Register(c, pe103AtC, 0x103);
        Settle();

        Network.Drop = CutOffC;
        Advance(TimeSpan.FromSeconds(3));
        uint taker = Assert.Single(TakersOf(IdC, a, b));
        var takerNode = taker == IdA ? a : b;
        Register(takerNode, Connect(takerNode), 0x103);   // the PE at its new home; C has not seen its association end

        Network.Drop = _ => false;
        Advance(TimeSpan.FromSeconds(4));
        ExpectHomeKeepAlive(pe103AtC, 0x103);
        Sys.Stop(pe103AtC.Ref);   // now C reads the end of the association
        Advance(TimeSpan.FromSeconds(4));
        foreach (var node in new[] { a, b, c })
        {
            Assert.Equal([0x103u], Resolve(node));
            Assert.Equal(taker, Owners(node)[0x103]);
        }
    }

    // The PE answers the Keep Alive (H=1) its registrar sends to confirm its home after a takeover.
    private static void AckHomeKeepAlive(RegistrarNode node, TestProbe pe, uint id)
    {
        var keepAlive = ExpectHomeKeepAlive(pe, id);
        node.Registrar.Tell(new AssociationReceived<AsapMessage>(new AsapEndpointKeepAliveAck(keepAlive.PoolHandle, id)), pe.Ref);
    }

    // The Keep Alive (H=1) a registrar taken over sends to confirm a PE's home (docs/protocol-notes.md §11 rule 6).
    private static AsapEndpointKeepAlive ExpectHomeKeepAlive(TestProbe pe, uint id)
    {
        var keepAlive = Assert.IsType<AsapEndpointKeepAlive>(pe.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        Assert.True(keepAlive.HomeFlag);
        Assert.Equal(id, keepAlive.PoolElementIdentifier);
        return keepAlive;
    }
}
