// Order of a sorted-selection pool: policy key, then sequence number (docs/protocol-notes.md §13 "sorted selection").
namespace RSerPool.Actors.Handlespace;

internal readonly struct SelectionOrder : ITreapOrder<PoolElementEntry>
{
    public static ref PoolElementEntry? Left(PoolElementEntry entry) => ref entry.Selection.Left;

    public static ref PoolElementEntry? Right(PoolElementEntry entry) => ref entry.Selection.Right;

    public static ref PoolElementEntry? Parent(PoolElementEntry entry) => ref entry.Selection.Parent;

    public static int Compare(PoolElementEntry left, PoolElementEntry right)
    {
        int byKey = left.Selection.Key.CompareTo(right.Selection.Key);
        return byKey != 0 ? byKey : left.Selection.Sequence.CompareTo(right.Selection.Sequence);
    }

    // The sequence number only changes while the entry is out of the tree, so the priority is stable inside it.
    public static uint Priority(PoolElementEntry entry) => TreapPriority.Mix(entry.Selection.Sequence, entry.Identifier);
}
