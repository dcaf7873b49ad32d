using System.Net;
using System.Numerics;
using Akka.Event;

namespace RSerPool.Actors.Enrp;

// Issue 16 "invisible failures": a configured peer (static --peer, or a registrar of the cluster) that cannot be
// reached is listed in the status (EnrpStatus.UnreachablePeers) and logged at WARN on the 1st, 2nd, 4th, 8th, ...
// failed connect in a row: at once, then at a slowing interval (Presence retries it every heartbeat cycle).
internal sealed partial class EnrpActor
{
    private readonly Dictionary<IPEndPoint, EnrpUnreachablePeer> _unreachable = [];

    private IEnumerable<IPEndPoint> ConfiguredPeerEndPoints => _settings.Peers.Concat(_clusterPeers.Select(peer => peer.EndPoint));

    private void OnConnectFailed(EnrpConnectFailed failed)
    {
        if (!ConfiguredPeerEndPoints.Contains(failed.Remote) || _peers.Values.Any(peer => failed.Remote.Equals(peer.EndPoint)))
        {
            return;   // not configured (a peer learnt from a List Response), or known and reached another way
        }

        int attempts = _unreachable.TryGetValue(failed.Remote, out EnrpUnreachablePeer? seen) ? seen.Attempts + 1 : 1;
        _unreachable[failed.Remote] = new EnrpUnreachablePeer(failed.Remote, failed.Reason, attempts);
        if (BitOperations.IsPow2(attempts))
        {
            _log.Warning("registrar 0x{ServerId:x8}: configured ENRP peer {EndPoint} unreachable: {Reason} ({Attempts} failed connects in a row; warned again at {Next})",
                _serverId, failed.Remote, failed.Reason, attempts, attempts * 2);
        }
    }

    private void OnOutboundEstablished(IPEndPoint endPoint)
    {
        if (_unreachable.Remove(endPoint, out EnrpUnreachablePeer? was))
        {
            _log.Info("registrar 0x{ServerId:x8}: configured ENRP peer {EndPoint} reachable after {Attempts} failed connects", _serverId, endPoint, was.Attempts);
        }
    }

    // Configured peers not (or no longer) in the peer list; those the cluster no longer names are forgotten.
    private IReadOnlyList<EnrpUnreachablePeer> UnreachablePeers()
    {
        var configured = ConfiguredPeerEndPoints.ToHashSet();
        foreach (IPEndPoint gone in _unreachable.Keys.Where(endPoint => !configured.Contains(endPoint)
            || _peers.Values.Any(peer => endPoint.Equals(peer.EndPoint))).ToArray())
        {
            _unreachable.Remove(gone);
        }

        return _unreachable.Values.OrderBy(peer => peer.EndPoint.ToString(), StringComparer.Ordinal).ToList();
    }
}
