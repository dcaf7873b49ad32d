// Least Used with Degradation 0x40000002 (RFC 5356 §5.2, docs/protocol-notes.md §13): key = Load + deg (capped);
// deg += Load Degradation once per selection that counts (RFC semantics, not RSPLIB's double increment).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class LeastUsedWithDegradationPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.LeastUsedWithDegradation;

    protected internal override ulong ComputeKey(PoolElementEntry entry) =>
        PolicyMath.Key((long)entry.Policy.Values[0] + (long)entry.Degradation);

    protected internal override void OnUsed(PoolElementEntry entry) => Degrade(entry, entry.Policy.Values[1]);
}
