using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>Ends the <see cref="WatchPool"/> of <paramref name="Subscriber"/> on <paramref name="PoolHandle"/>: its subscription stops (a message it sent before may still arrive).</summary>
public sealed record UnwatchPool(PoolHandle PoolHandle, IActorRef Subscriber) : IRSerPoolClusterMessage;
