using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>Ends the <see cref="WatchPool"/> of <paramref name="Subscriber"/> on <paramref name="PoolHandle"/>; no more messages of it follow.</summary>
public sealed record UnwatchPool(PoolHandle PoolHandle, IActorRef Subscriber) : IRSerPoolClusterMessage;
