// The PEs owned by one registrar and their PE checksum (docs/protocol-notes.md §11, RFC 5353 §3.6.2), kept up to date incrementally.
using RSerPool.Wire;

namespace RSerPool.Actors.Handlespace;

/// <summary>An intrusive doubly linked list of the entries of one owner, with the running checksum accumulator.</summary>
internal sealed class OwnerSet(uint ownerId)
{
    public uint OwnerId { get; } = ownerId;

    public PoolElementEntry? Head { get; private set; }

    public int Count { get; private set; }

    public PeChecksum Checksum { get; private set; }

    public void Add(PoolElementEntry entry)
    {
        entry.OwnerPrevious = null;
        entry.OwnerNext = Head;
        if (Head is not null)
        {
            Head.OwnerPrevious = entry;
        }

        Head = entry;
        Count++;
        Checksum = Checksum.Add(entry.Pool.ChecksumPartialSum(entry.Identifier));
    }

    public void Remove(PoolElementEntry entry)
    {
        if (entry.OwnerPrevious is null)
        {
            Head = entry.OwnerNext;
        }
        else
        {
            entry.OwnerPrevious.OwnerNext = entry.OwnerNext;
        }

        if (entry.OwnerNext is not null)
        {
            entry.OwnerNext.OwnerPrevious = entry.OwnerPrevious;
        }

        entry.OwnerPrevious = null;
        entry.OwnerNext = null;
        Count--;
        Checksum = Checksum.Remove(entry.Pool.ChecksumPartialSum(entry.Identifier));
    }
}
