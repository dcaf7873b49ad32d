// Cluster mode (issue 15; docs/protocol-notes.md §10 "Cluster mode", §11): peers learnt from Akka.Cluster, takeover when it removes one.
using System.Net;
using Akka.Event;
using RSerPool.Actors.Cluster;

namespace RSerPool.Actors.Enrp;

internal sealed partial class EnrpActor
{
    // The cluster's other registrars: greeted like static peers (Heartbeat) until each is in the peer list.
    private IReadOnlyList<ClusterEnrpPeer> _clusterPeers = [];

    // Told the cluster's view at least once: the cluster's downing, not the two-registrar exception, settles who owns.
    private bool _clusterMode;

    private bool _mentorWaitRestarted;

    private IEnumerable<IPEndPoint> ClusterPeerEndPoints => _clusterPeers.Where(peer => !_peers.ContainsKey(peer.ServerId)).Select(peer => peer.EndPoint);

    private void ReceiveCluster()
    {
        Receive<ClusterPeersChanged>(OnClusterPeers);
        Receive<ClusterRegistrarRemoved>(removed => OnClusterRemoved(removed.ServerId));
    }

    // docs/protocol-notes.md §10 "-peer": a new endpoint is greeted at once with Presence R=1 (Receiver ID 0).
    private void OnClusterPeers(ClusterPeersChanged changed)
    {
        _clusterMode = true;
        var before = _clusterPeers.Select(peer => peer.EndPoint).ToHashSet();
        _clusterPeers = changed.Peers;
        if (_endPoint is null)
        {
            return;   // not serving yet: the first heartbeat greets them
        }

        foreach (ClusterEnrpPeer peer in changed.Peers)
        {
            if (!before.Contains(peer.EndPoint) && !_peers.ContainsKey(peer.ServerId))
            {
                SendTo(peer.EndPoint, Presence(0, replyRequired: true));
            }
        }

        // docs/protocol-notes.md §10 startup: the cluster may name the peers only after joining; the first ones it names
        // get a full mentor-discovery wait, once, so a new registrar downloads the handlespace rather than auditing.
        if (_inStartup && _mentorId == 0 && changed.Peers.Count > 0 && !_mentorWaitRestarted)
        {
            _mentorWaitRestarted = true;
            Timers.StartSingleTimer(MentorTimer, EnrpTick.MentorDiscoveryOver, _settings.MentorDiscoveryTimeout);
        }
    }

    // RFC 5353 §3.5 started by the cluster's decision: the peer is gone for the cluster, this registrar was chosen to
    // take it over; no MAX-TIME-NO-RESPONSE wait and no majority check (the split-brain resolver kept this side).
    private void OnClusterRemoved(uint targetId)
    {
        if (!_peers.TryGetValue(targetId, out PeerEntry? peer) || _takeovers.ContainsKey(targetId))
        {
            return;
        }

        peer.Silent = true;
        peer.AwaitsMajority = false;
        if (_replica.CountOwnedBy(targetId) > 0 && !_takers.ContainsKey(targetId))
        {
            _log.Warning("registrar 0x{ServerId:x8}: the cluster removed 0x{TargetId:x8}: taking it over now", _serverId, targetId);
            StartTakeover(targetId);
        }
        else
        {
            RemovePeer(targetId, "removed from the cluster");
        }
    }
}
