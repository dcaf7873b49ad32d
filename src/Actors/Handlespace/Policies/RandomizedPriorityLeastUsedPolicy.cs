// Randomized Priority Least Used 0xB0001001 (RSPLIB, docs/protocol-notes.md §13): v = max(1, 0xFFFFFFFF − Load − Load Degradation).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomizedPriorityLeastUsedPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.RandomizedPriorityLeastUsed;

    /// <summary>docs/protocol-notes.md §13: 1 for the RLU family.</summary>
    public override int DefaultMaxIncrement => 1;

    protected internal override ulong ComputeValue(PoolElementEntry entry) =>
        PolicyMath.RandomValue((long)PolicyMath.MaxValue - entry.Policy.Values[0] - entry.Policy.Values[1]);
}
