// A registrar that returns after it was taken over while silent, e.g. hung (SIGSTOP) past MAX-TIME-NO-RESPONSE
// (RFC 5353 §3.5 takeover, §3.3 Handle Update, §3.6 audit; ownership rules: docs/protocol-notes.md §11).
//
// The rule: a returning registrar never removes or claims PEs that a live registrar owns and supervises.
// - Every registrar remembers which registrar took which target over (TAKEOVER_SERVER, RFC 5353 §3.5.2).
// - When the target is heard again, the taker tells it with TAKEOVER_SERVER naming it as the target: the target
//   missed the message while it was silent. The target then hands its PEs over as copies owned by the taker, stops
//   supervising them and sends no DEL_PE for them (the taker is their home now), except the PEs that confirm, on a
//   live association with it, that they kept their home there (they registered during a partition).
// - Until the returning registrar's Presence checksum for its own PEs agrees with ours (RFC 5353 §3.6.2), its claims
//   (ADD_PE, Handle Table entries naming it home) on PEs another registrar owns are stale and ignored. Its DEL_PE for
//   those is already refused: an update must come from the PE's home (RFC 5353 §3.3).
using Akka.Event;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

internal sealed partial class EnrpActor
{
    // Target → taker, for the takeovers this registrar saw; bounded by MaxPeers (the oldest goes first).
    private readonly Dictionary<uint, uint> _takenOverBy = [];
    private readonly Queue<uint> _takenOverOrder = new();

    private void RememberTakeover(uint targetId, uint takerId)
    {
        if (!_takenOverBy.ContainsKey(targetId))
        {
            _takenOverOrder.Enqueue(targetId);
        }

        _takenOverBy[targetId] = takerId;
        while (_takenOverBy.Count > Math.Max(1, _settings.MaxPeers) && _takenOverOrder.TryDequeue(out uint oldest))
        {
            _takenOverBy.Remove(oldest);
        }
    }

    // A new peer that was taken over earlier is back (RFC 5353 §3.5.2): its claims are stale until it resynchronises;
    // the taker tells it that it was taken over.
    private void OnReturn(PeerEntry peer)
    {
        if (!_takenOverBy.Remove(peer.ServerId, out uint takerId))
        {
            return;
        }

        peer.Returning = true;
        _log.Warning("registrar 0x{ServerId:x8}: 0x{PeerId:x8} is back after 0x{TakerId:x8} took it over: its claims on PEs other registrars own are ignored until it has resynchronised",
            _serverId, peer.ServerId, takerId);
        if (takerId == _serverId)
        {
            SendToPeer(peer, new EnrpTakeoverServer(_serverId, peer.ServerId, peer.ServerId));
        }
    }

    private void Resynchronised(PeerEntry peer)
    {
        if (peer.Returning)
        {
            peer.Returning = false;
            _log.Info("registrar 0x{ServerId:x8}: returning peer 0x{PeerId:x8} has resynchronised (checksums agree)", _serverId, peer.ServerId);
        }
    }

    // RFC 5353 §3.5.2 and §3.6: a claim by a returning registrar on a PE that another registrar owns is stale.
    private bool IsStaleClaim(PeerEntry peer, PoolHandle handle, PoolElement element)
    {
        if (!peer.Returning || !_replica.TryGetElement(handle, element.Identifier, out PoolElementEntry? entry) || entry.OwnerId == peer.ServerId)
        {
            return false;
        }

        _log.Debug("claim of 0x{PeerId:x8} on PE 0x{PeId:x8} in {PoolHandle} (owned by 0x{Owner:x8}) ignored: it is returning from a takeover",
            peer.ServerId, element.Identifier, handle, entry.OwnerId);
        return true;
    }

    // RFC 5353 §3.5.2, the target's side: this registrar was taken over while it was silent (hung, or cut off by a
    // partition). Its PEs belong to the taker now: they become copies owned by the taker (expiring by their lives unless
    // the taker refreshes them), are no longer supervised here, and no DEL_PE goes out for them. The pools keep the PEs
    // that confirm their home here on a live association and announce them again (PoolActor.Takeover.cs).
    private void OnTakenOverWhileSilent(uint takerId)
    {
        _scratch.Clear();
        _replica.TransferOwnership(_serverId, takerId, PoolHandlespace.NoExpiry, _scratch);
        long now = Now;
        foreach (PoolElementEntry entry in _scratch)
        {
            if (entry.RegistrationLifeMs > 0)
            {
                _replica.Register(entry.PoolHandle, entry.ToPoolElement(), takerId, 0, now + entry.RegistrationLifeMs);
            }
        }

        _log.Warning("registrar 0x{ServerId:x8}: 0x{TakerId:x8} took this registrar over while it was silent: its {Count} PEs belong to 0x{TakerId:x8} but those on a live association here",
            _serverId, takerId, _scratch.Count, takerId);
        _scratch.Clear();
        FlushReplica();
        Context.Parent.Tell(new OwnershipTransfer(_serverId, takerId), Self);
    }
}
