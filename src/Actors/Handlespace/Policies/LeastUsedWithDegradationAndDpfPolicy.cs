// Least Used with Degradation and DPF 0xB0002003 (RSPLIB, docs/protocol-notes.md §13): key = Load + deg + Distance × Load DPF
// (capped); deg += Load Degradation per selection that counts. Values: Load, Load Degradation, Load DPF, Distance.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class LeastUsedWithDegradationAndDpfPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.LeastUsedWithDegradationAndDpf;

    protected internal override ulong ComputeKey(PoolElementEntry entry)
    {
        ReadOnlySpan<uint> values = entry.Policy.Values.AsSpan();
        return PolicyMath.Key(values[0] + (long)entry.Degradation + PolicyMath.DistancePenalty(values[3], values[2]));
    }

    protected internal override void OnUsed(PoolElementEntry entry) => Degrade(entry, entry.Policy.Values[1]);
}
