// Randomized Least Used with Degradation 0xB0001002 (RSPLIB, policies.md §3.3): v = max(1, 0xFFFFFFFF − Load − deg),
// deg += Load Degradation per selection that counts (as the name says; RSPLIB never increases it).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomizedLeastUsedWithDegradationPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.RandomizedLeastUsedWithDegradation;

    /// <summary>policies.md §4: 1 for the RLU family.</summary>
    public override int DefaultMaxIncrement => 1;

    protected internal override ulong ComputeValue(PoolElementEntry entry) =>
        PolicyMath.RandomValue((long)PolicyMath.MaxValue - entry.Policy.Values[0] - (long)entry.Degradation);

    protected internal override void OnUsed(PoolElementEntry entry) => Degrade(entry, entry.Policy.Values[1]);
}
