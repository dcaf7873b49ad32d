using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Subscription → a registrar node's pool watch actor: the PEs of <paramref name="PoolHandle"/> whose home is that
/// registrar, answered with <see cref="PoolWatchSnapshot"/>. With <paramref name="KnownSequence"/> &gt; 0 (the last
/// event of the origin the subscription applied) the answer carries no PEs when the pool has not changed since.
/// </summary>
public sealed record GetPoolWatchSnapshot(PoolHandle PoolHandle, long KnownSequence) : IRSerPoolClusterMessage;
