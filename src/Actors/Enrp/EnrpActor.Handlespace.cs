// Handle Update (RFC 5353 §3.3), handle table synchronisation and audit (RFC 5353 §3.6.3), home rules (docs/protocol-notes.md §11).
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

internal sealed partial class EnrpActor
{
    // Most replica changes per ReplicaChanges message; a longer burst is sent in several (bounds the registrar's work
    // per message, not a resource limit: the changes are held anyway).
    private const int MaxReplicaChangesPerMessage = 1024;

    // Responder positions per requesting peer: (W flag, last entry sent) (docs/protocol-notes.md §10 responder).
    private readonly Dictionary<uint, (bool OwnChildrenOnly, HandlespaceCursor After)> _tableCursors = [];

    // Replica changes not yet told to the registrar, in order; flushed at the end of each handler that queues them
    // (one Handle Update, one Handle Table Response part, an audit sweep, an expiry pass) and when full.
    private readonly List<ReplicaChange> _pendingReplica = [];

    // Handle Table Response paging: entries read for one part, and the encoded bytes per PE seen in the last part.
    private PoolElementEntry[] _page = [];
    private int _bytesPerElement = 64;

    private void QueueReplica(ReplicaChange change)
    {
        _pendingReplica.Add(change);
        if (_pendingReplica.Count >= MaxReplicaChangesPerMessage)
        {
            FlushReplica();
        }
    }

    private void FlushReplica()
    {
        if (_pendingReplica.Count > 0)
        {
            Context.Parent.Tell(new ReplicaChanges(_pendingReplica.ToArray()), Self);
            _pendingReplica.Clear();
        }
    }

    // RFC 5353 §3.3: the home sends ADD_PE for every registration and re-registration to every peer.
    private void OnHomeUpdated(HomeElementUpdated updated)
    {
        PoolElement element = updated.Element with { HomeServerIdentifier = _serverId };
        RegistrationResult result = _replica.Register(updated.PoolHandle, element, _serverId, 0);
        if (!result.IsAccepted)
        {
            _log.Warning("ENRP replica refused home PE 0x{PeId:x8} in {PoolHandle}: {Cause}", element.Identifier, updated.PoolHandle, result.Error);
        }

        foreach (PeerEntry peer in _peers.Values)
        {
            SendToPeer(peer, new EnrpHandleUpdate(_serverId, peer.ServerId, HandleUpdateAction.AddPoolElement, updated.PoolHandle, element));
        }
    }

    // RFC 5353 §3.3: DEL_PE for the removal of a home PE; a copy removed locally (unreachable reports) is local only.
    private void OnPoolElementRemoved(PoolElementRemoved removed)
    {
        if (!_replica.TryGetElement(removed.PoolHandle, removed.Identifier, out PoolElementEntry? entry))
        {
            return;
        }

        if (entry.OwnerId == _serverId)
        {
            PoolElement element = entry.ToPoolElement();
            _replica.Remove(entry);
            foreach (PeerEntry peer in _peers.Values)
            {
                SendToPeer(peer, new EnrpHandleUpdate(_serverId, peer.ServerId, HandleUpdateAction.DeletePoolElement, removed.PoolHandle, element));
            }
        }
        else if (removed.Reason == RemovalReason.Unreachable)
        {
            _replica.Remove(entry);
        }
    }

    // RFC 5353 §3.3 receiver and docs/protocol-notes.md §11: an update must come from the PE's home.
    private void OnHandleUpdate(EnrpHandleUpdate update, PeerEntry peer, IActorRef association)
    {
        PoolElement element = update.PoolElement;
        if (!ValidHandle(update.PoolHandle))
        {
            Invalid(association, $"Handle Update from 0x{peer.ServerId:x8}: invalid pool handle");
            return;
        }

        if (update.Action == HandleUpdateAction.AddPoolElement)
        {
            if (element.HomeServerIdentifier == _serverId)
            {
                _log.Debug("ADD_PE from 0x{PeerId:x8} claims this registrar as home of PE 0x{PeId:x8}: ignored", peer.ServerId, element.Identifier);
                return;
            }

            if (element.HomeServerIdentifier != peer.ServerId)
            {
                Invalid(association, $"ADD_PE from 0x{peer.ServerId:x8} for PE 0x{element.Identifier:x8} whose home is 0x{element.HomeServerIdentifier:x8}: rejected");
                return;
            }

            if (IsStaleClaim(peer, update.PoolHandle, element) || !PeerMayRegister(peer, association, update.PoolHandle, 1))
            {
                return;
            }

            if (!ApplyCopy(update.PoolHandle, element, Now))
            {
                Invalid(association, $"ADD_PE from 0x{peer.ServerId:x8} for PE 0x{element.Identifier:x8} in {update.PoolHandle}: not accepted");
            }

            FlushReplica();
            return;
        }

        if (!_replica.TryGetElement(update.PoolHandle, element.Identifier, out PoolElementEntry? entry))
        {
            return;
        }

        if (entry.OwnerId != peer.ServerId)
        {
            if (entry.OwnerId != _serverId)
            {
                Invalid(association, $"DEL_PE from 0x{peer.ServerId:x8} for PE 0x{element.Identifier:x8} owned by 0x{entry.OwnerId:x8}: rejected");
            }

            return;
        }

        _replica.Remove(entry);
        QueueReplica(ReplicaChange.Remove(update.PoolHandle, element.Identifier));
        FlushReplica();
    }

    private bool ValidHandle(PoolHandle handle) => !handle.IsEmpty && handle.Length <= _replica.Settings.MaxPoolHandleLength;

    // Insert or refresh a copy; it expires after its Registration Life unless refreshed (docs/protocol-notes.md §11).
    private bool ApplyCopy(PoolHandle handle, PoolElement element, long now)
    {
        if (element.HomeServerIdentifier == 0 || element.HomeServerIdentifier == _serverId || element.Identifier == 0 || !ValidHandle(handle))
        {
            return false;
        }

        uint owner = element.HomeServerIdentifier;
        bool adds = !_replica.TryGetElement(handle, element.Identifier, out PoolElementEntry? existing) || existing.OwnerId != owner;
        if (adds && _replica.CountOwnedBy(owner) >= _settings.MaxPoolElementsPerPeer)
        {
            _log.Warning("ENRP copy of PE 0x{PeId:x8} in {PoolHandle} refused: registrar 0x{Owner:x8} already owns {Max} PEs here",
                element.Identifier, handle, owner, _settings.MaxPoolElementsPerPeer);
            return false;
        }

        long expiresAt = element.RegistrationLifeMs > 0 ? now + element.RegistrationLifeMs : PoolHandlespace.NoExpiry;
        RegistrationResult result = _replica.Register(handle, element, element.HomeServerIdentifier, 0, expiresAt);
        if (!result.IsAccepted)
        {
            _log.Info("ENRP copy of PE 0x{PeId:x8} in {PoolHandle} refused: {Cause}", element.Identifier, handle, result.Error);
            return false;
        }

        QueueReplica(ReplicaChange.Apply(handle, element));
        return true;
    }

    private void RemoveExpiredCopies()
    {
        _scratch.Clear();
        _replica.RemoveExpired(Now, _scratch);
        foreach (PoolElementEntry entry in _scratch)
        {
            _log.Debug("ENRP copy {Entry} expired", entry);
            QueueReplica(ReplicaChange.Remove(entry.PoolHandle, entry.Identifier));
        }

        FlushReplica();
        _scratch.Clear();
    }

    // RFC 5353 §3.6.3 requester: W=0 from the mentor, W=1 to audit one peer's own PEs (marked first).
    private void StartDownload(PeerEntry peer, bool ownChildrenOnly)
    {
        if (ownChildrenOnly)
        {
            _replica.MarkOwnedBy(peer.ServerId);
        }

        peer.SyncOwnChildrenOnly = ownChildrenOnly;
        peer.AclRefusedDuringSync = false;
        peer.SyncRequestedAt = Now;
        SetState(peer, EnrpPeerState.Synchronizing);
        SendToPeer(peer, new EnrpHandleTableRequest(_serverId, peer.ServerId, ownChildrenOnly));
    }

    // RFC 5353 §3.6.3 requester.
    private void OnHandleTableResponse(EnrpHandleTableResponse response, PeerEntry peer, IActorRef association)
    {
        if (peer.SyncOwnChildrenOnly is not { } ownChildrenOnly)
        {
            Invalid(association, $"Handle Table Response from 0x{peer.ServerId:x8} without a request");
            return;
        }

        if (response.Rejected)
        {
            _log.Info("Handle Table Request to 0x{PeerId:x8} rejected", peer.ServerId);
            FinishDownload(peer, complete: false);
            return;
        }

        // Step 3 first: the peer builds the next part while this one is applied.
        long now = Now;
        if (response.MoreToSend)
        {
            peer.SyncRequestedAt = now;
            SendToPeer(peer, new EnrpHandleTableRequest(_serverId, peer.ServerId, ownChildrenOnly));
        }

        foreach (HandleTableEntry entry in response.Entries)
        {
            if (!PeerMayRegister(peer, association, entry.PoolHandle, entry.PoolElements.Count))
            {
                continue;
            }

            foreach (PoolElement element in entry.PoolElements)
            {
                if (element.HomeServerIdentifier == _serverId || (ownChildrenOnly && element.HomeServerIdentifier != peer.ServerId)
                    || IsStaleClaim(peer, entry.PoolHandle, element))
                {
                    continue;
                }

                ApplyCopy(entry.PoolHandle, element, now);
            }
        }

        FlushReplica();
        if (!response.MoreToSend)
        {
            FinishDownload(peer, complete: true);
        }
    }

    // A download whose answer did not come within MAX-TIME-LAST-HEARD is given up, so a later Presence can audit again.
    private void AbandonStalledDownload(PeerEntry peer)
    {
        if (peer.SyncOwnChildrenOnly is not null && Now - peer.SyncRequestedAt > (long)_settings.MaxTimeLastHeard.TotalMilliseconds)
        {
            _log.Info("Handle Table download from 0x{PeerId:x8} stalled: given up", peer.ServerId);
            FinishDownload(peer, complete: false);
        }
    }

    private void FinishDownload(PeerEntry peer, bool complete)
    {
        bool ownChildrenOnly = peer.SyncOwnChildrenOnly == true;
        peer.SyncOwnChildrenOnly = null;
        if (ownChildrenOnly)
        {
            // RFC 5353 §3.6.3: entries still marked were not in the peer's table.
            _scratch.Clear();
            if (complete)
            {
                _replica.SweepMarked(peer.ServerId, _scratch);
                SettleAclMismatch(peer);
            }

            foreach (PoolElementEntry entry in _scratch)
            {
                QueueReplica(ReplicaChange.Remove(entry.PoolHandle, entry.Identifier));
            }

            FlushReplica();
            if (_scratch.Count > 0)
            {
                _log.Info("ENRP audit of 0x{PeerId:x8} removed {Count} stale copies", peer.ServerId, _scratch.Count);
            }

            _scratch.Clear();
        }

        else if (complete)
        {
            _log.Info("registrar 0x{ServerId:x8}: handlespace download from 0x{PeerId:x8} complete: {Count} PEs known", _serverId, peer.ServerId, _replica.ElementCount);
        }

        SetState(peer, complete ? EnrpPeerState.InService : EnrpPeerState.Presence);
        if (_inStartup && _mentorId == peer.ServerId)
        {
            EndStartup(complete ? "mentor download complete" : "the mentor rejected the download");
        }
    }

    // docs/protocol-notes.md §10 responder: the next part after the requester's position, at most N PEs and the byte limit. As many
    // entries are read as the bytes per PE of the last part suggest fit, so a part is built about once.
    private void OnHandleTableRequest(EnrpHandleTableRequest request, PeerEntry peer)
    {
        HandlespaceCursor after = _tableCursors.TryGetValue(peer.ServerId, out var position) && position.OwnChildrenOnly == request.OwnChildrenOnly
            ? position.After
            : HandlespaceCursor.Start;
        int maxBytes = _settings.MaxHandleTableResponseBytes;
        int wanted = Math.Clamp(maxBytes / Math.Max(1, _bytesPerElement), 1, Math.Max(1, _settings.MaxElementsPerHandleTableResponse));
        if (_page.Length < wanted)
        {
            _page = new PoolElementEntry[wanted];
        }

        Span<PoolElementEntry> page = _page.AsSpan(0, wanted);
        int count = _replica.ReadPage(after, page, request.OwnChildrenOnly ? _serverId : null, out bool more);
        EnrpHandleTableResponse response = Page(peer.ServerId, page, count, more);
        int length = EnrpEncoder.GetEncodedLength(response);
        while (count > 1 && length > maxBytes)
        {
            count = Math.Max(1, Math.Min(count - 1, (int)((long)count * maxBytes / length)));
            response = Page(peer.ServerId, page, count, more: true);
            length = EnrpEncoder.GetEncodedLength(response);
        }

        if (count > 0)
        {
            _bytesPerElement = Math.Max(1, length / count);
        }

        if (response.MoreToSend)
        {
            _tableCursors[peer.ServerId] = (request.OwnChildrenOnly, HandlespaceCursor.After(page[count - 1]));
        }
        else
        {
            _tableCursors.Remove(peer.ServerId);
        }

        page.Clear();
        SendToPeer(peer, response);
    }

    // Groups the entries by pool (docs/protocol-notes.md §10: a pool may continue in the next part, its handle repeated).
    private EnrpHandleTableResponse Page(uint receiverId, ReadOnlySpan<PoolElementEntry> page, int count, bool more)
    {
        var entries = new List<HandleTableEntry>();
        int start = 0;
        for (int i = 1; i <= count; i++)
        {
            if (i == count || page[i].PoolHandle != page[start].PoolHandle)
            {
                var elements = new PoolElement[i - start];
                for (int j = start; j < i; j++)
                {
                    elements[j - start] = page[j].ToPoolElement();
                }

                entries.Add(new HandleTableEntry(page[start].PoolHandle, ValueArray.Create<PoolElement>(elements)));
                start = i;
            }
        }

        return new EnrpHandleTableResponse(_serverId, receiverId, ValueArray.Create<HandleTableEntry>(entries.ToArray()), MoreToSend: more);
    }
}
