// Randomized Least Used 0x40000004 (RFC 5356 §4.4, policies.md §3.2): v = max(1, 0xFFFFFFFF − Load).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomizedLeastUsedPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.RandomizedLeastUsed;

    /// <summary>policies.md §4: 1 for the RLU family.</summary>
    public override int DefaultMaxIncrement => 1;

    protected internal override ulong ComputeValue(PoolElementEntry entry) =>
        PolicyMath.RandomValue((long)PolicyMath.MaxValue - entry.Policy.Values[0]);
}
