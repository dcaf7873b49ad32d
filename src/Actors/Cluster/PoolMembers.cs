using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Watch → subscriber, once, first: the members of the pool when the subscription started (the union of every home
/// registrar's members); every later change comes as a <see cref="PoolChanged"/>.
/// </summary>
public sealed record PoolMembers(PoolHandle PoolHandle, IReadOnlyList<PoolElement> Elements) : IRSerPoolClusterMessage
{
    public override string ToString() => $"PoolMembers({PoolHandle}, {Elements.Count} PEs)";
}
