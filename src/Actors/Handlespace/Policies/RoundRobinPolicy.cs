// Round Robin 0x00000001 (RFC 5356 §4.1, docs/protocol-notes.md §13): sorted by sequence number only, so it uses the O(1)
// list form of sorted selection (RoundRobinSelector).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RoundRobinPolicy : SelectionPolicy
{
    public override PolicyType Type => PolicyType.RoundRobin;

    /// <summary>docs/protocol-notes.md §13: 1 for every sorted policy.</summary>
    public override int DefaultMaxIncrement => 1;

    internal override PoolSelector CreateSelector(Random random) => new RoundRobinSelector();
}
