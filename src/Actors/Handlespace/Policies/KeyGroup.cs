// The PEs of a sorted-selection pool that share one policy key (docs/protocol-notes.md §13 sorted selection), in
// sequence order. Most PEs enter a group with a fresh sequence number (registration, or a selection that counts), so
// they are appended to a linked list; only a re-registration that changed the key brings an older sequence number,
// and such PEs go into a small treap. The group's order is the merge of the two.
namespace RSerPool.Actors.Handlespace.Policies;

internal sealed class KeyGroup
{
    // Links of the tree of groups (KeyGroupOrder).
    internal KeyGroup? Left;
    internal KeyGroup? Right;
    internal KeyGroup? Parent;

    /// <summary>The policy key all PEs of the group have.</summary>
    public ulong Key;

    /// <summary>Tree priority, fixed while the group is in the tree.</summary>
    public uint Priority;

    /// <summary>Appended PEs, ascending sequence numbers.</summary>
    public SelectionList Appended;

    /// <summary>PEs placed by a re-registration with their older sequence number (created on first use).</summary>
    public IntrusiveTreap<PoolElementEntry, SelectionOrder>? Placed;

    /// <summary>The PE placed last (still in <see cref="Placed"/>): re-registrations come in runs of ascending sequence numbers.</summary>
    private PoolElementEntry? _lastPlaced;

    public bool IsEmpty => Appended.Head is null && (Placed is null || Placed.Count == 0);

    /// <summary>The group's first PE: the smaller sequence number of the list head and the treap's first.</summary>
    public PoolElementEntry? First
    {
        get
        {
            PoolElementEntry? head = Appended.Head;
            PoolElementEntry? placed = Placed?.First;
            return placed is null || (head is not null && head.Sequence < placed.Sequence) ? head : placed;
        }
    }

    /// <summary>Appends a PE whose sequence number is larger than every other in the group.</summary>
    public void Append(PoolElementEntry entry)
    {
        Appended.Append(entry);
        entry.IsPlacedInGroup = false;
    }

    /// <summary>Inserts a PE that keeps its sequence number: appended when it is the largest, else into the treap.</summary>
    public void Place(PoolElementEntry entry)
    {
        if (Appended.Tail is null || Appended.Tail.Sequence < entry.Sequence)
        {
            Append(entry);
            return;
        }

        Placed ??= new IntrusiveTreap<PoolElementEntry, SelectionOrder>();
        if (_lastPlaced is null)
        {
            Placed.Insert(entry);
        }
        else
        {
            Placed.InsertAfter(_lastPlaced, entry);
        }

        entry.IsPlacedInGroup = true;
        _lastPlaced = entry;
    }

    public void Remove(PoolElementEntry entry)
    {
        if (entry.IsPlacedInGroup)
        {
            if (ReferenceEquals(entry, _lastPlaced))
            {
                _lastPlaced = null;
            }

            Placed!.Remove(entry);
            entry.IsPlacedInGroup = false;
            return;
        }

        Appended.Unlink(entry);
    }
}
