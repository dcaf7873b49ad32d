using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Subscription → a registrar node's pool watch actor, answered with <see cref="PoolWatchSnapshot"/>: with
/// <paramref name="KnownSequence"/> 0, the PEs of <paramref name="PoolHandle"/> whose home is that registrar (in
/// pages); with <paramref name="KnownSequence"/> &gt; 0 (the last event of that origin the subscription applied), a
/// check: the number of the pool's last event there (or, when the origin has no PE of the pool, an empty snapshot).
/// </summary>
public sealed record GetPoolWatchSnapshot(PoolHandle PoolHandle, long KnownSequence) : IRSerPoolClusterMessage;
