// Least Used 0x40000001 (RFC 5356 §5.1, docs/protocol-notes.md §13): sorted by Load, then sequence number.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class LeastUsedPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.LeastUsed;

    protected internal override ulong ComputeKey(PoolElementEntry entry) => entry.Policy.Values[0];
}
