// The sorted-selection tree node embedded in a PE entry (docs/protocol-notes.md §13): links, key and sequence number side by
// side, so that one tree step reads one contiguous block of the entry.
namespace RSerPool.Actors.Handlespace;

internal struct SelectionNode
{
    public PoolElementEntry? Left;
    public PoolElementEntry? Right;
    public PoolElementEntry? Parent;

    /// <summary>Sorted policies: the policy key; weighted random policies: the selection value v.</summary>
    public ulong Key;

    /// <summary>Tie-breaker from the pool's increasing counter.</summary>
    public ulong Sequence;
}
