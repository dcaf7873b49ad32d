// Priority 0x00000005 (RFC 5356 §4.5, docs/protocol-notes.md §13): sorted by Priority descending, then sequence number.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class PriorityPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.Priority;

    protected internal override ulong ComputeKey(PoolElementEntry entry) => PolicyMath.MaxValue - entry.Policy.Values[0];
}
