// Weighted random selection (docs/protocol-notes.md §13): P(PE) = v / Σv, without replacement within one selection.
namespace RSerPool.Actors.Handlespace.Policies;

/// <summary>A policy that draws PEs at random with probability proportional to a selection value v ≥ 0.</summary>
public abstract class WeightedRandomSelectionPolicy : SelectionPolicy
{
    /// <summary>The PE's selection value v from its values and state (0 = never drawn).</summary>
    protected internal abstract ulong ComputeValue(PoolElementEntry entry);

    internal sealed override PoolSelector CreateSelector(Random random) => new WeightedRandomSelector(this, random);
}
