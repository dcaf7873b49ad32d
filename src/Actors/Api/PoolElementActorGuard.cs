using Akka.Actor;

namespace RSerPool.Actors.Api;

/// <summary>
/// Watches the application actor registered as a PE: when it terminates, the PE is deregistered and its server
/// stopped (death watch carries PE failure detection into the handlespace, RFC 5352 §3.3).
/// </summary>
internal sealed class PoolElementActorGuard : ReceiveActor
{
    public PoolElementActorGuard(IActorRef target, Func<Task> onTerminated)
    {
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(target), _ =>
        {
            onTerminated().PipeTo(Self, success: () => PoisonPill.Instance, failure: _ => PoisonPill.Instance);
        });
        Context.Watch(target);
    }

    public static Props Props(IActorRef target, Func<Task> onTerminated) => Akka.Actor.Props.Create(() => new PoolElementActorGuard(target, onTerminated));
}
