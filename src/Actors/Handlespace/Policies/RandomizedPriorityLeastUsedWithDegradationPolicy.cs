// Randomized Priority Least Used with Degradation 0xB0001004 (RSPLIB, docs/protocol-notes.md §13):
// v = max(1, 0xFFFFFFFF − Load − Load Degradation − deg), deg += Load Degradation per selection that counts.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomizedPriorityLeastUsedWithDegradationPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.RandomizedPriorityLeastUsedWithDegradation;

    /// <summary>docs/protocol-notes.md §13: 1 for the RLU family.</summary>
    public override int DefaultMaxIncrement => 1;

    protected internal override ulong ComputeValue(PoolElementEntry entry) =>
        PolicyMath.RandomValue((long)PolicyMath.MaxValue - entry.Policy.Values[0] - entry.Policy.Values[1] - (long)entry.Degradation);

    protected internal override void OnUsed(PoolElementEntry entry) => Degrade(entry, entry.Policy.Values[1]);
}
