// Order and link selector of an intrusive treap over PE entries.
namespace RSerPool.Actors.Handlespace;

/// <summary>Says which links of an entry a treap uses, how entries compare and each entry's heap priority.</summary>
internal interface ITreapOrder
{
    static abstract ref PoolElementEntry? Left(PoolElementEntry entry);

    static abstract ref PoolElementEntry? Right(PoolElementEntry entry);

    static abstract ref PoolElementEntry? Parent(PoolElementEntry entry);

    static abstract int Compare(PoolElementEntry left, PoolElementEntry right);

    /// <summary>Must stay constant while the entry is in the treap.</summary>
    static abstract uint Priority(PoolElementEntry entry);
}
