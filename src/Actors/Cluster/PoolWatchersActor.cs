using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// The pool watches of one node (actor <c>/user/rserpool-pool-watchers</c>): one <see cref="PoolWatchSubscriptionActor"/>
/// child per subscriber and pool, started by <see cref="WatchPool"/> and stopped by <see cref="UnwatchPool"/> or when
/// the subscriber terminates.
/// </summary>
public sealed class PoolWatchersActor : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c>.</summary>
    public const string Name = "rserpool-pool-watchers";

    private readonly Dictionary<(PoolHandle Pool, IActorRef Subscriber), IActorRef> _watches = [];
    private readonly Dictionary<IActorRef, (PoolHandle Pool, IActorRef Subscriber)> _byChild = [];
    private long _number;

    public PoolWatchersActor(IActorRef mediator, PoolWatchSettings settings)
    {
        Receive<WatchPool>(watch =>
        {
            var key = (watch.PoolHandle, watch.Subscriber);
            if (_watches.ContainsKey(key))
            {
                return;
            }

            var child = Context.ActorOf(PoolWatchSubscriptionActor.Props(watch.PoolHandle, watch.Subscriber, mediator, settings), $"watch-{++_number}");
            Context.Watch(child);
            _watches.Add(key, child);
            _byChild.Add(child, key);
        });
        Receive<UnwatchPool>(unwatch =>
        {
            if (_watches.Remove((unwatch.PoolHandle, unwatch.Subscriber), out IActorRef? child))
            {
                _byChild.Remove(child);
                Context.Unwatch(child);
                Context.Stop(child);
            }
        });
        Receive<Terminated>(terminated =>
        {
            if (_byChild.Remove(terminated.ActorRef, out var key))
            {
                _watches.Remove(key);
            }
        });
    }

    public static Props Props(IActorRef mediator, PoolWatchSettings settings) => Akka.Actor.Props.Create(() => new PoolWatchersActor(mediator, settings));
}
