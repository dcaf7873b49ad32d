// Ownership sets and checksums (docs/protocol-notes.md §11, RFC 5353 §3.5 takeover, RFC 5353 §3.6.2 PE checksum, RFC 5353 §3.6.3 audit mark/sweep).
using RSerPool.Wire;

namespace RSerPool.Actors.Handlespace;

public sealed partial class PoolHandlespace
{
    /// <summary>Owners (home registrar IDs) with at least one PE.</summary>
    public IEnumerable<uint> Owners => _owners.Keys;

    /// <summary>The PE checksum over the PEs owned by <paramref name="ownerId"/> (RFC 5353 §3.6.2); <c>Finish()</c> gives the wire value.</summary>
    public PeChecksum ChecksumOf(uint ownerId) => _owners.TryGetValue(ownerId, out OwnerSet? owner) ? owner.Checksum : PeChecksum.Empty;

    public int CountOwnedBy(uint ownerId) => _owners.TryGetValue(ownerId, out OwnerSet? owner) ? owner.Count : 0;

    /// <summary>The PEs owned by <paramref name="ownerId"/>, in no particular order. Do not change the handlespace while enumerating.</summary>
    public IEnumerable<PoolElementEntry> OwnedBy(uint ownerId)
    {
        if (!_owners.TryGetValue(ownerId, out OwnerSet? owner))
        {
            yield break;
        }

        for (PoolElementEntry? entry = owner.Head; entry is not null; entry = entry.OwnerNext)
        {
            yield return entry;
        }
    }

    /// <summary>
    /// Takeover (RFC 5353 §3.5): every PE of <paramref name="fromOwnerId"/> becomes owned by <paramref name="toOwnerId"/>
    /// with the new expiry (<see cref="NoExpiry"/> when this registrar takes them over as home). The moved entries are
    /// appended to <paramref name="moved"/>; returns their number.
    /// </summary>
    public int TransferOwnership(uint fromOwnerId, uint toOwnerId, long expiresAt, List<PoolElementEntry> moved)
    {
        ArgumentNullException.ThrowIfNull(moved);
        if (fromOwnerId == toOwnerId || !_owners.TryGetValue(fromOwnerId, out OwnerSet? from))
        {
            return 0;
        }

        int count = 0;
        while (from.Head is { } entry)
        {
            ChangeOwner(entry, toOwnerId);
            SetExpiry(entry, expiresAt);
            moved.Add(entry);
            count++;
        }

        return count;
    }

    /// <summary>Audit start (RFC 5353 §3.6.3): marks every PE of the owner; a registration of an entry unmarks it.</summary>
    public int MarkOwnedBy(uint ownerId)
    {
        int count = 0;
        foreach (PoolElementEntry entry in OwnedBy(ownerId))
        {
            entry.IsMarked = true;
            count++;
        }

        return count;
    }

    /// <summary>Audit end (RFC 5353 §3.6.3): removes the owner's PEs still marked, appending them to <paramref name="removed"/>.</summary>
    public int SweepMarked(uint ownerId, List<PoolElementEntry> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        if (!_owners.TryGetValue(ownerId, out OwnerSet? owner))
        {
            return 0;
        }

        int count = 0;
        PoolElementEntry? entry = owner.Head;
        while (entry is not null)
        {
            PoolElementEntry? next = entry.OwnerNext;
            if (entry.IsMarked)
            {
                Remove(entry);
                removed.Add(entry);
                count++;
            }

            entry = next;
        }

        return count;
    }
}
