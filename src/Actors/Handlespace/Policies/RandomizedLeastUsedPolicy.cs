// Randomized Least Used 0x40000004 (RFC 5356 §5.4, docs/protocol-notes.md §13): v = max(1, 0xFFFFFFFF − Load).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomizedLeastUsedPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.RandomizedLeastUsed;

    /// <summary>docs/protocol-notes.md §13: 1 for the RLU family.</summary>
    public override int DefaultMaxIncrement => 1;

    protected internal override ulong ComputeValue(PoolElementEntry entry) =>
        PolicyMath.RandomValue((long)PolicyMath.MaxValue - entry.Policy.Values[0]);
}
