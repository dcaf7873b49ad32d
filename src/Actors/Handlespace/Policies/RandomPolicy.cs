// Random 0x00000003 (RFC 5356 §4.3, docs/protocol-notes.md §13): v = 1 for every PE, i.e. uniform without replacement,
// done by the O(k) UniformRandomSelector instead of a weight tree.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

public sealed class RandomPolicy : SelectionPolicy
{
    public override PolicyType Type => PolicyType.Random;

    /// <summary>docs/protocol-notes.md §13: stateless, 0.</summary>
    public override int DefaultMaxIncrement => 0;

    internal override PoolSelector CreateSelector(Random random) => new UniformRandomSelector(random);
}
