using Akka.Actor;

namespace RSerPool.Hosts.Hosting;

/// <summary>Watches the host's main actor and completes a task when it stops (death watch, RFC-independent).</summary>
public sealed class TerminationWatcherActor : ReceiveActor
{
    private readonly IActorRef _target;

    public TerminationWatcherActor(IActorRef target, TaskCompletionSource stopped)
    {
        _target = target;
        Receive<Terminated>(t => t.ActorRef.Equals(_target), _ => { stopped.TrySetResult(); });
    }

    public static Props Props(IActorRef target, TaskCompletionSource stopped) =>
        Akka.Actor.Props.Create(() => new TerminationWatcherActor(target, stopped));

    protected override void PreStart() => Context.Watch(_target);
}
