// Randomized Least Used with Degradation 0xB0001002 (RSPLIB, docs/protocol-notes.md §13): v = max(1, 0xFFFFFFFF − Load − deg),
// deg += Load Degradation per selection that counts (as the name says; RSPLIB never increases it).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomizedLeastUsedWithDegradationPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.RandomizedLeastUsedWithDegradation;

    /// <summary>docs/protocol-notes.md §13: 1 for the RLU family.</summary>
    public override int DefaultMaxIncrement => 1;

    protected internal override ulong ComputeValue(PoolElementEntry entry) =>
        PolicyMath.RandomValue((long)PolicyMath.MaxValue - entry.Policy.Values[0] - (long)entry.Degradation);

    protected internal override void OnUsed(PoolElementEntry entry) => Degrade(entry, entry.Policy.Values[1]);
}
