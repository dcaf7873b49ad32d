using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;

namespace RSerPool.Actors.Cluster;

/// <summary>Starts the membership watch's top-level actors on a cluster node (docs/cluster.md "Membership watch").</summary>
public static class ClusterPoolWatch
{
    /// <summary>True when <paramref name="system"/> is a cluster node (<c>akka.actor.provider = cluster</c>).</summary>
    public static bool IsClustered(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ((ExtendedActorSystem)system).Provider is IClusterActorRefProvider;
    }

    /// <summary>
    /// Starts the watch of <paramref name="registrar"/> as <c>/user/rserpool-pool-watch</c> (<see cref="PoolWatchActor"/>)
    /// when <paramref name="system"/> is a cluster node; null otherwise (nothing to publish to).
    /// </summary>
    public static IActorRef? StartPublisher(ActorSystem system, IActorRef registrar) =>
        IsClustered(system) ? system.ActorOf(PoolWatchActor.Props(registrar, DistributedPubSub.Get(system).Mediator), PoolWatchActor.Name) : null;

    /// <summary>Starts the pool watches of a cluster node as <c>/user/rserpool-pool-watchers</c> (<see cref="PoolWatchersActor"/>).</summary>
    public static IActorRef StartWatchers(ActorSystem system, PoolWatchSettings settings) =>
        system.ActorOf(PoolWatchersActor.Props(DistributedPubSub.Get(system).Mediator, settings), PoolWatchersActor.Name);
}
