// Intrusive tree links embedded in a PE entry (docs/protocol-notes.md §13 "sorted selection", docs/protocol-notes.md §10 paging order).
namespace RSerPool.Actors.Handlespace;

/// <summary>Left, right and parent pointers of one entry in one intrusive treap.</summary>
internal struct TreapLinks
{
    public PoolElementEntry? Left;
    public PoolElementEntry? Right;
    public PoolElementEntry? Parent;
}
