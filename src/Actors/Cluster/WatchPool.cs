using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// To the node's pool watchers (<c>/user/rserpool-pool-watchers</c>, or <c>RSerPoolExtension.WatchPool</c>):
/// <paramref name="Subscriber"/> gets <see cref="PoolMembers"/> of <paramref name="PoolHandle"/>, then every
/// <see cref="PoolChanged"/>, until <see cref="UnwatchPool"/> or until it terminates. Watching a pool twice is one watch.
/// </summary>
public sealed record WatchPool(PoolHandle PoolHandle, IActorRef Subscriber) : IRSerPoolClusterMessage;
