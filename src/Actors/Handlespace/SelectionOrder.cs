// Order of a sorted-selection pool: policy key, then sequence number (policies.md §3 "sorted selection").
namespace RSerPool.Actors.Handlespace;

internal readonly struct SelectionOrder : ITreapOrder
{
    public static ref TreapLinks Links(PoolElementEntry entry) => ref entry.SelectionLinks;

    public static int Compare(PoolElementEntry left, PoolElementEntry right)
    {
        int byKey = left.SelectionKey.CompareTo(right.SelectionKey);
        return byKey != 0 ? byKey : left.Sequence.CompareTo(right.Sequence);
    }

    // The sequence number only changes while the entry is out of the tree, so the priority is stable inside it.
    public static uint Priority(PoolElementEntry entry) => TreapPriority.Mix(entry.Sequence, entry.Identifier);
}
