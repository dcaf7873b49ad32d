// Priority Least Used 0x40000003 (RFC 5356 §5.3, docs/protocol-notes.md §13): key = Load + Load Degradation (capped),
// nothing accumulates.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class PriorityLeastUsedPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.PriorityLeastUsed;

    protected internal override ulong ComputeKey(PoolElementEntry entry) =>
        PolicyMath.Key((long)entry.Policy.Values[0] + entry.Policy.Values[1]);
}
