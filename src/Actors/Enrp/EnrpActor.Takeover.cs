// Registrar takeover (RFC 5353 §3.5; contested takeovers resolved by the lower server id as RSPLIB, docs/protocol-notes.md §10).
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Metrics;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Enrp;

internal sealed partial class EnrpActor
{
    // Takeovers this registrar initiated: target → peers whose INIT_TAKEOVER_ACK is outstanding.
    private readonly Dictionary<uint, HashSet<uint>> _takeovers = [];

    // Targets another registrar is taking over (we acknowledged it): target → taker.
    private readonly Dictionary<uint, uint> _takers = [];

    private readonly List<uint> _takenOver = [];

    private static string TakeoverTimer(uint targetId) => $"takeover-{targetId:x8}";

    // RFC 5353 §3.4.3 MAX-TIME-NO-RESPONSE expired: take over its PEs unless someone else does, else forget it.
    private void OnPeerSilent(uint targetId)
    {
        if (!_peers.TryGetValue(targetId, out PeerEntry? peer) || _takeovers.ContainsKey(targetId))
        {
            return;
        }

        peer.Silent = true;
        AbandonTakeoversWithoutMajority();
        if (_replica.CountOwnedBy(targetId) > 0 && !_takers.ContainsKey(targetId))
        {
            if (SeesMajority(out int reachable, out int known))
            {
                peer.AwaitsMajority = false;
                StartTakeover(targetId);
            }
            else
            {
                AwaitMajority(peer, reachable, known);
            }
        }
        else
        {
            RemovePeer(targetId, _takers.TryGetValue(targetId, out uint taker) ? $"silent; 0x{taker:x8} takes it over" : "silent, owns no PEs");
        }
    }

    // docs/protocol-notes.md §10 (our rule, not RSPLIB's): a takeover needs this registrar and its reachable peers to be
    // more than half of the registrars it knows (silent peers included; one that went silent owning no PEs is dropped
    // from the list and no longer counts). Without it, both sides of a partition take each other's PEs over. With two
    // registrars known there is no majority to ask for: the survivor takes over, as RSPLIB does.
    // In cluster mode the two-registrar exception is the cluster's to settle (OnClusterRemoved; docs/protocol-notes.md §11).
    private bool SeesMajority(out int reachable, out int known)
    {
        known = 1 + _peers.Count;
        reachable = 1 + _peers.Values.Count(peer => !peer.Silent);
        return (known <= 2 && !_clusterMode) || 2 * reachable > known;
    }

    // The silent peer stays in the list (its PEs stay its copies, expiring by their lives) and is asked again: its
    // MAX-TIME-NO-RESPONSE restarts, and a takeover starts when it is found silent while a majority is reachable.
    private void AwaitMajority(PeerEntry peer, int reachable, int known)
    {
        if (!peer.AwaitsMajority)
        {
            peer.AwaitsMajority = true;
            _log.Warning("registrar 0x{ServerId:x8}: 0x{TargetId:x8} is silent but not taken over: {Reachable} of {Known} registrars reachable, a takeover needs more than half (a partition?)",
                _serverId, peer.ServerId, reachable, known);
        }

        SendPresence(peer, replyRequired: true);
        peer.Actor.Tell(PeerRestartNoResponse.Instance, Self);
    }

    // A peer went silent: takeovers this registrar runs without a majority behind it any more are given up (the
    // targets stay silent peers and are asked again).
    private void AbandonTakeoversWithoutMajority()
    {
        if (_takeovers.Count == 0 || SeesMajority(out int reachable, out int known))
        {
            return;
        }

        foreach (uint targetId in _takeovers.Keys.ToList())
        {
            _takeovers.Remove(targetId);
            Timers.Cancel(TakeoverTimer(targetId));
            if (_peers.TryGetValue(targetId, out PeerEntry? target))
            {
                AwaitMajority(target, reachable, known);
            }
        }
    }

    // RFC 5353 §3.5.1 initiator.
    private void StartTakeover(uint targetId)
    {
        var outstanding = _peers.Values
            .Where(peer => peer.ServerId != targetId && !peer.Silent)
            .Select(peer => peer.ServerId)
            .ToHashSet();
        _takeovers.Add(targetId, outstanding);
        _log.Warning("registrar 0x{ServerId:x8}: taking over 0x{TargetId:x8} ({Count} PEs); awaiting {Acks} acknowledgements",
            _serverId, targetId, _replica.CountOwnedBy(targetId), outstanding.Count);
        foreach (PeerEntry peer in _peers.Values)
        {
            SendToPeer(peer, new EnrpInitTakeover(_serverId, peer.ServerId, targetId));
        }

        Timers.StartSingleTimer(TakeoverTimer(targetId), new TakeoverExpired(targetId), _settings.TakeoverExpiry);
        if (outstanding.Count == 0)
        {
            CompleteTakeover(targetId);
        }
    }

    // RFC 5353 §3.5.1 initiator.
    private void OnInitTakeoverAck(EnrpInitTakeoverAck ack)
    {
        if (_takeovers.TryGetValue(ack.TargetServerId, out HashSet<uint>? outstanding)
            && outstanding.Remove(ack.SenderServerId) && outstanding.Count == 0)
        {
            CompleteTakeover(ack.TargetServerId);
        }
    }

    // RFC 5353 §3.5.1; docs/protocol-notes.md §10 counts only peers in the peer list: one removed since (e.g. found dead too) cannot acknowledge, so
    // a takeover waiting only for it completes instead of expiring.
    private void StopAwaitingAcknowledgementFrom(uint serverId)
    {
        var complete = new List<uint>();
        foreach (var (targetId, outstanding) in _takeovers)
        {
            if (outstanding.Remove(serverId) && outstanding.Count == 0)
            {
                complete.Add(targetId);
            }
        }

        AbandonTakeoversWithoutMajority();
        foreach (uint targetId in complete)
        {
            if (_takeovers.ContainsKey(targetId))
            {
                CompleteTakeover(targetId);
            }
        }
    }

    // RFC 5353 §3.5.2 initiator: tell every peer, become the home of the target's PEs, forget the target.
    private void CompleteTakeover(uint targetId)
    {
        _takeovers.Remove(targetId);
        Timers.Cancel(TakeoverTimer(targetId));
        foreach (PeerEntry peer in _peers.Values)
        {
            if (peer.ServerId != targetId)
            {
                SendToPeer(peer, new EnrpTakeoverServer(_serverId, peer.ServerId, targetId));
            }
        }

        _scratch.Clear();
        int count = _replica.TransferOwnership(targetId, _serverId, PoolHandlespace.NoExpiry, _scratch);
        _scratch.Clear();
        FlushReplica();
        Context.Parent.Tell(new OwnershipTransfer(targetId, _serverId), Self);
        _takenOver.Add(targetId);
        RememberTakeover(targetId, _serverId);
        RSerPoolMetrics.TakeoverCompleted();
        _log.Warning("registrar 0x{ServerId:x8}: took over 0x{TargetId:x8}: now home of its {Count} PEs", _serverId, targetId, count);
        RemovePeer(targetId, "taken over");
    }

    // docs/protocol-notes.md §10: not every acknowledgement came; the target's copies expire by their registration lives.
    private void OnTakeoverExpired(uint targetId)
    {
        if (_takeovers.Remove(targetId, out HashSet<uint>? outstanding))
        {
            _log.Warning("registrar 0x{ServerId:x8}: takeover of 0x{TargetId:x8} given up: no acknowledgement from {Peers}",
                _serverId, targetId, string.Join(", ", outstanding.Select(id => $"0x{id:x8}")));
            RemovePeer(targetId, "takeover expired");
        }
    }

    // RFC 5353 §3.5.1: the target is alive after all.
    private void CancelTakeoverOf(uint targetId)
    {
        _takers.Remove(targetId);
        if (_takeovers.Remove(targetId))
        {
            Timers.Cancel(TakeoverTimer(targetId));
            _log.Info("registrar 0x{ServerId:x8}: 0x{TargetId:x8} is alive: takeover cancelled", _serverId, targetId);
        }
    }

    // RFC 5353 §3.5.1; docs/protocol-notes.md §10 receiver of INIT_TAKEOVER.
    private void OnInitTakeover(EnrpInitTakeover init, PeerEntry? sender, IActorRef association)
    {
        uint takerId = init.SenderServerId;
        uint targetId = init.TargetServerId;
        if (targetId == _serverId)
        {
            // We are alive: Presence to every peer.
            foreach (PeerEntry peer in _peers.Values)
            {
                SendPresence(peer, replyRequired: false);
            }

            if (sender is null)
            {
                association.Tell(new Transport.AssociationSend<EnrpMessage>(Presence(takerId, replyRequired: true)), Self);
                RSerPoolMetrics.EnrpSent(EnrpMessageType.Presence);
            }

            return;
        }

        if (_takeovers.ContainsKey(targetId))
        {
            if (takerId > _serverId)
            {
                return;   // ours wins: the lower server id takes over
            }

            _takeovers.Remove(targetId);
            Timers.Cancel(TakeoverTimer(targetId));
            if (_peers.TryGetValue(targetId, out PeerEntry? target))
            {
                target.Actor.Tell(PeerRestartNoResponse.Instance, Self);
            }

            _log.Info("registrar 0x{ServerId:x8}: 0x{TakerId:x8} (lower id) takes over 0x{TargetId:x8}: ours abandoned", _serverId, takerId, targetId);
        }

        if (_peers.ContainsKey(targetId))
        {
            _takers[targetId] = takerId;
        }

        var ack = new EnrpInitTakeoverAck(_serverId, takerId, targetId);
        if (sender is not null)
        {
            SendToPeer(sender, ack);
        }
        else
        {
            association.Tell(new Transport.AssociationSend<EnrpMessage>(ack), Self);
            RSerPoolMetrics.EnrpSent(ack.Type);
        }
    }

    // RFC 5353 §3.5.2 receiver of TAKEOVER_SERVER: the target's PEs now belong to the sender.
    private void OnTakeoverServer(EnrpTakeoverServer takeover)
    {
        uint takerId = takeover.SenderServerId;
        uint targetId = takeover.TargetServerId;
        if (targetId == _serverId)
        {
            OnTakenOverWhileSilent(takerId);
            return;
        }

        if (takerId == _serverId)
        {
            return;
        }

        _takeovers.Remove(targetId);
        Timers.Cancel(TakeoverTimer(targetId));
        _takers.Remove(targetId);
        _scratch.Clear();
        _replica.TransferOwnership(targetId, takerId, PoolHandlespace.NoExpiry, _scratch);
        long now = Now;
        foreach (PoolElementEntry entry in _scratch)
        {
            if (entry.RegistrationLifeMs > 0)
            {
                _replica.Register(entry.PoolHandle, entry.ToPoolElement(), takerId, 0, now + entry.RegistrationLifeMs);
            }
        }

        _log.Warning("registrar 0x{ServerId:x8}: 0x{TakerId:x8} took over 0x{TargetId:x8} ({Count} PEs)", _serverId, takerId, targetId, _scratch.Count);
        _scratch.Clear();
        FlushReplica();
        Context.Parent.Tell(new OwnershipTransfer(targetId, takerId), Self);
        RememberTakeover(targetId, takerId);
        RemovePeer(targetId, $"taken over by 0x{takerId:x8}");
    }
}
