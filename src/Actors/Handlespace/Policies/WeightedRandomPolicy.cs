// Weighted Random 0x00000004 (RFC 5356 §4.4, docs/protocol-notes.md §13): v = Weight (0 = never drawn).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class WeightedRandomPolicy : WeightedRandomSelectionPolicy
{
    public override PolicyType Type => PolicyType.WeightedRandom;

    /// <summary>docs/protocol-notes.md §13: stateless, 0.</summary>
    public override int DefaultMaxIncrement => 0;

    protected internal override ulong ComputeValue(PoolElementEntry entry) => entry.Policy.Values[0];
}
