// Least Used with DPF 0xB0002002 (draft-dreibholz-rserpool-delay, docs/protocol-notes.md §13):
// key = Load + Distance × Load DPF (capped). Values: Load, Load DPF, Distance.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class LeastUsedWithDpfPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.LeastUsedWithDpf;

    protected internal override ulong ComputeKey(PoolElementEntry entry)
    {
        ReadOnlySpan<uint> values = entry.Policy.Values.AsSpan();
        return PolicyMath.Key(values[0] + PolicyMath.DistancePenalty(values[2], values[1]));
    }
}
