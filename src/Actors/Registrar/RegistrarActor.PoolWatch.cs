// The membership watch of cluster mode (docs/cluster.md "Membership watch"): the registrar node's pool watch actor
// attaches here, and every pool actor (now and later) tells it the changes of this registrar's home PEs.
using Akka.Actor;
using RSerPool.Actors.Cluster;

namespace RSerPool.Actors.Registrar;

public sealed partial class RegistrarActor
{
    private IActorRef? _poolWatch;

    private void ReceivePoolWatch()
    {
        Receive<AttachPoolWatch>(attach =>
        {
            _poolWatch = attach.Watch;
            Context.Watch(attach.Watch);
            foreach (PoolRoute route in _pools.Values)
            {
                AttachPoolWatchTo(route);
            }
        });
    }

    private void AttachPoolWatchTo(PoolRoute route)
    {
        if (_poolWatch is not null)
        {
            route.Routed++;
            route.Actor.Tell(new AttachPoolWatch(_poolWatch), Self);
        }
    }

    // A stopped watch is detached: the pools stop telling it (no dead letter per registration).
    private bool DetachPoolWatch(IActorRef actor)
    {
        if (_poolWatch is null || !actor.Equals(_poolWatch))
        {
            return false;
        }

        _poolWatch = null;
        foreach (PoolRoute route in _pools.Values)
        {
            route.Routed++;
            route.Actor.Tell(new AttachPoolWatch(ActorRefs.Nobody), Self);
        }

        return true;
    }
}
