// Priority Least Used with Degradation 0xB0001003 (RSPLIB, docs/protocol-notes.md §13): key = Load + Load Degradation + deg
// (capped); deg += Load Degradation per selection that counts.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class PriorityLeastUsedWithDegradationPolicy : SortedSelectionPolicy
{
    public override PolicyType Type => PolicyType.PriorityLeastUsedWithDegradation;

    protected internal override ulong ComputeKey(PoolElementEntry entry) =>
        PolicyMath.Key((long)entry.Policy.Values[0] + entry.Policy.Values[1] + (long)entry.Degradation);

    protected internal override void OnUsed(PoolElementEntry entry) => Degrade(entry, entry.Policy.Values[1]);
}
