// Intrusive tree links embedded in a PE entry (policies.md §3 "sorted selection", enrp.md §4.4 paging order).
namespace RSerPool.Actors.Handlespace;

/// <summary>Left, right and parent pointers of one entry in one intrusive treap.</summary>
internal struct TreapLinks
{
    public PoolElementEntry? Left;
    public PoolElementEntry? Right;
    public PoolElementEntry? Parent;
}
