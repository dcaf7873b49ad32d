// This registrar's PEs and a takeover (RFC 5353 §3.5.2): PEs a taker adopts here, and PEs of this registrar when it
// was taken over while silent (docs/protocol-notes.md §11 rule 6).
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

internal sealed partial class PoolActor
{
    // RFC 5353 §3.5.2 and TAKEOVER_SERVER receiver: the PEs of a dead registrar get a new owner; when that is this
    // registrar, each gets a pe-<id> actor that sends Keep Alive with H=1 over the PE's association, if one exists.
    private void TransferOwnership(PoolOwnershipTransfer transfer)
    {
        var moved = new List<PoolElementEntry>();
        _space.TransferOwnership(transfer.FromOwnerId, transfer.ToOwnerId, PoolHandlespace.NoExpiry, moved);
        foreach (PoolElementEntry entry in moved)
        {
            long associationId = 0;
            if (transfer.FromOwnerId == _serverId)
            {
                TellWatchLeft(entry.Identifier);
            }

            if (transfer.FromOwnerId == _serverId && _children.TryGetValue(entry.Identifier, out PeChild? former))
            {
                if (former.Peer.Id != 0)
                {
                    // docs/protocol-notes.md §11 rule 6: the taker owns it unless the PE confirms its home here.
                    former.ConfirmingHome = true;
                    former.Actor.Tell(ConfirmHome.Instance, Self);
                    _log.Info("PE 0x{PeId:x8} in {PoolHandle} belongs to 0x{Owner:x8}, which took this registrar over, unless it confirms its home here ({Peer})",
                        entry.Identifier, _poolHandle, transfer.ToOwnerId, former.Peer);
                }
                else
                {
                    // Taken over while this registrar was silent (RFC 5353 §3.5.2): the taker supervises it now; no DEL_PE.
                    _children.Remove(entry.Identifier);
                    Context.Stop(former.Actor);
                    _log.Info("PE 0x{PeId:x8} in {PoolHandle} now belongs to 0x{Owner:x8}, which took this registrar over", entry.Identifier, _poolHandle,
                        transfer.ToOwnerId);
                }
            }

            if (transfer.ToOwnerId == _serverId)
            {
                AsapPeer peer = AsapPeer.Detached;
                if (entry.AsapTransport is { } asap && asap.Addresses.Count > 0
                    && transfer.Associations.TryGetValue(new IPEndPoint(asap.Addresses[0], asap.Port), out AsapPeer? found))
                {
                    peer = found;
                    associationId = found.Id;
                    _space.Register(_poolHandle, entry.ToPoolElement(), _serverId, associationId);
                }

                // Over TCP the PE announced where it takes a new home's association (docs/protocol-notes.md §2).
                bool connects = peer.Id == 0 && RequestAssociation(entry);
                long generation = ++_generation;
                var props = PeRegistrationActor.Props(_supervision, entry.Identifier, peer, entry.RegistrationLifeMs, generation, takenOver: true,
                    awaitsAssociation: connects);
                var actor = Context.ActorOf(props, $"pe-{entry.Identifier:x8}-{++_childNumber}");
                _children[entry.Identifier] = new PeChild(actor, generation, peer);
                TellWatchHome(entry, PoolChangeReason.TakenOver);
                _log.Info("PE 0x{PeId:x8} in {PoolHandle} taken over from 0x{Owner:x8} ({Peer})", entry.Identifier, _poolHandle, transfer.FromOwnerId,
                    peer.Id != 0 ? peer.ToString() : connects ? $"connecting to its ASAP endpoint {LogText.Transport(entry.AsapTransport)}" : "no association: it re-registers");
            }

            _registered.Add(new PoolElementRegistered(_poolHandle, entry.Identifier, transfer.ToOwnerId, associationId));
        }

        TellRegistered();
    }

    // Taken over while silent (docs/protocol-notes.md §11 rule 6): the PE answered the Keep Alive (H=1) on its live
    // association here, so it kept its home here (a PE keeps one home association and drops it for a new home's H=1,
    // RFC 5353 §3.5.2), e.g. it registered here during a partition. It stays home here and is announced again (ADD_PE).
    private void KeepConfirmedHome(HomeConfirmed confirmed)
    {
        if (!_children.TryGetValue(confirmed.Identifier, out PeChild? child) || !child.Actor.Equals(Sender) || child.Generation != confirmed.Generation)
        {
            return;
        }

        child.ConfirmingHome = false;
        child.RemovedByOwner = false;
        if (!_space.TryGetElement(_poolHandle, confirmed.Identifier, out PoolElementEntry? entry)
            || _space.Register(_poolHandle, entry.ToPoolElement(), _serverId, child.Peer.Id) is not { IsAccepted: true } result)
        {
            // Gone meanwhile: the PE finds out at its next re-registration.
            _children.Remove(confirmed.Identifier);
            Context.Stop(child.Actor);
            return;
        }

        Context.Parent.Tell(new HomeElementUpdated(_poolHandle, result.Entry!.ToPoolElement()), Self);
        TellWatchHome(result.Entry!, PoolChangeReason.Registered);
        _registered.Add(new PoolElementRegistered(_poolHandle, confirmed.Identifier, _serverId, child.Peer.Id));
        TellRegistered();
        _log.Info("PE 0x{PeId:x8} in {PoolHandle} stays here after this registrar was taken over: it confirmed its home here ({Peer})",
            confirmed.Identifier, _poolHandle, child.Peer);
    }

    // A PE asked to confirm its home here (ConfirmHome) whose association ended or that did not answer: a copy of the
    // taker's, no DEL_PE; removed here only if the taker's audit or DEL_PE removed it meanwhile.
    private bool LeaveUnconfirmedHome(PeChild child, PeRemovalRequested request)
    {
        if (!child.ConfirmingHome || !_space.TryGetElement(_poolHandle, request.Identifier, out PoolElementEntry? entry) || entry.OwnerId == _serverId)
        {
            return false;
        }

        _children.Remove(request.Identifier);
        Context.Stop(child.Actor);
        _log.Info("PE 0x{PeId:x8} in {PoolHandle} now belongs to 0x{Owner:x8}, which took this registrar over ({Reason} here)",
            request.Identifier, _poolHandle, entry.OwnerId, request.Reason);
        if (child.RemovedByOwner)
        {
            Remove(request.Identifier, RemovalReason.ReplicaRemoved);
        }

        return true;
    }
}
