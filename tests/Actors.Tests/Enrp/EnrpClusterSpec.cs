// Cluster mode's effect on ENRP (issue 15; docs/protocol-notes.md §10, §11 "Cluster mode"): peers from the cluster,
// takeover when the cluster removes a registrar, and no two-registrar takeover on ENRP silence alone.
using Akka.Actor;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Tests.Enrp.Support;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpClusterSpec : EnrpSpecBase
{
    private const uint IdA = 0xa0000001;
    private const uint IdB = 0xb0000002;
    private const uint IdC = 0xc0000003;

    private static void TellClusterPeers(RegistrarNode node, params RegistrarNode[] others) =>
        node.Registrar.Tell(new ClusterPeersChanged(others.Select(other => new ClusterEnrpPeer(other.Id, EnrpEndPoint(other.Number))).ToList()));

    private (RegistrarNode A, RegistrarNode B, RegistrarNode C) StartThreeClustered(EnrpSettings? enrp = null)
    {
        var a = StartRegistrar(IdA, 1, [], enrp);
        var b = StartRegistrar(IdB, 2, [], enrp);
        var c = StartRegistrar(IdC, 3, [], enrp);
        TellClusterPeers(a, b, c);
        TellClusterPeers(b, a, c);
        TellClusterPeers(c, a, b);
        Settle();
        return (a, b, c);
    }

    [Fact]
    public void Registrars_without_static_peers_meet_through_the_peers_the_cluster_names_and_replicate()
    {
        var (a, b, c) = StartThreeClustered();

        Assert.Equal([IdB, IdC], Status(a).Peers.Select(peer => peer.ServerId).ToArray());
        Register(b, Connect(b), 0x202);
        Assert.Equal([0x202u], Resolve(a));
        Assert.Equal([0x202u], Resolve(c));
        Assert.Equal(IdB, Owners(c)[0x202]);
    }

    [Fact]
    public void A_new_registrar_waits_a_full_mentor_discovery_for_peers_the_cluster_names_late_in_its_startup()
    {
        var a = StartRegistrar(IdA, 1, []);
        Register(a, Connect(a), 0x101);
        var b = StartRegistrar(IdB, 2, []);
        Advance(TimeSpan.FromMilliseconds(900));   // the cluster names A just before B's mentor discovery (1 s) ends

        Network.Drop = static _ => true;   // and the first greeting is lost
        TellClusterPeers(b, a);
        Advance(TimeSpan.FromMilliseconds(200));
        Network.Drop = static _ => false;
        Advance(TimeSpan.FromMilliseconds(500));   // the next heartbeat greets A again

        Assert.Equal(IdA, Status(b).MentorId);
        Assert.Equal([0x101u], Resolve(b));
    }

    [Fact]
    public void A_registrar_the_cluster_removed_is_taken_over_at_once_without_waiting_for_ENRP_silence()
    {
        // ENRP's own timers far away: only the cluster's decision can start this takeover.
        var slow = new EnrpSettings { MaxTimeLastHeard = TimeSpan.FromMinutes(10), MaxTimeNoResponse = TimeSpan.FromMinutes(10) };
        var (a, b, c) = StartThreeClustered(slow);
        Register(c, Connect(c), 0x303);
        Assert.Equal(IdC, Owners(a)[0x303]);

        Kill(c);
        a.Registrar.Tell(new ClusterRegistrarRemoved(IdC));
        Advance(TimeSpan.FromMilliseconds(100));

        Assert.Contains(IdC, Status(a).TakenOver);
        Assert.Equal(IdA, Owners(a)[0x303]);
        Assert.Equal(IdA, Owners(b)[0x303]);
        Assert.DoesNotContain(Status(b).Peers, peer => peer.ServerId == IdC);
    }

    [Fact]
    public void Of_two_clustered_registrars_the_survivor_waits_for_the_cluster_instead_of_taking_over_on_silence()
    {
        var a = StartRegistrar(IdA, 1, []);
        var b = StartRegistrar(IdB, 2, []);
        TellClusterPeers(a, b);
        TellClusterPeers(b, a);
        Settle();
        Register(b, Connect(b), 0x202);

        Kill(b);
        Advance(TimeSpan.FromSeconds(3));   // ENRP alone would have taken B over after ~1.3 s (docs/protocol-notes.md §10)
        Assert.Empty(Status(a).TakenOver);
        Assert.Equal(IdB, Owners(a)[0x202]);

        a.Registrar.Tell(new ClusterRegistrarRemoved(IdB));   // the split-brain resolver kept A's side
        Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(IdA, Owners(a)[0x202]);
    }
}
