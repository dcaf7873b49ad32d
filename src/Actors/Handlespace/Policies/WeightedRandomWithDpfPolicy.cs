// Weighted Random with DPF 0xB0002001 (draft-dreibholz-rserpool-delay, docs/protocol-notes.md §13):
// v = Weight − round(Weight × Distance × dpf), clamped to [1, 0xFFFFFFFF]. Values: Weight, Weight DPF, Distance.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class WeightedRandomWithDpfPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.WeightedRandomWithDpf;

    /// <summary>docs/protocol-notes.md §13: stateless, 0.</summary>
    public override int DefaultMaxIncrement => 0;

    protected internal override ulong ComputeValue(PoolElementEntry entry)
    {
        ReadOnlySpan<uint> values = entry.Policy.Values.AsSpan();
        return PolicyMath.RandomValue(values[0] - PolicyMath.WeightPenalty(values[0], values[2], values[1]));
    }
}
