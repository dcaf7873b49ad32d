using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Pool watch actor → subscription (the sender is the origin): the home PEs of the pool as of the origin's event
/// <paramref name="Sequence"/>; <paramref name="Elements"/> is null when the pool did not change after the asked-for
/// known sequence.
/// </summary>
public sealed record PoolWatchSnapshot(PoolHandle PoolHandle, long Sequence, IReadOnlyList<PoolElement>? Elements) : IRSerPoolClusterMessage
{
    public override string ToString() => $"PoolWatchSnapshot({PoolHandle}, at {Sequence}, {(Elements is null ? "unchanged" : $"{Elements.Count} PEs")})";
}
