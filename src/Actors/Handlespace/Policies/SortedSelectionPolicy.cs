// Sorted selection (docs/protocol-notes.md §13): PEs ordered by a policy key, ties by sequence number; the first k are taken.
namespace RSerPool.Actors.Handlespace.Policies;

/// <summary>A policy that selects the first PEs in (key, sequence) order. Smaller keys are preferred.</summary>
public abstract class SortedSelectionPolicy : SelectionPolicy
{
    /// <summary>docs/protocol-notes.md §13: 1 for every sorted policy.</summary>
    public override int DefaultMaxIncrement => 1;

    /// <summary>The PE's key from its values and state, clamped to [0, 0xFFFFFFFF] unless the policy says otherwise.</summary>
    protected internal abstract ulong ComputeKey(PoolElementEntry entry);

    internal sealed override PoolSelector CreateSelector(Random random) => new SortedSelector(this);
}
