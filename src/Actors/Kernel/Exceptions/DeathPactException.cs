namespace RSerPool.Actors.Kernel;

/// <summary>A watcher did not handle the <see cref="Terminated"/> of <see cref="DeadActor"/>; the default strategy stops it.</summary>
public class DeathPactException(IActorRef deadActor)
    : AkkaException($"Monitored actor [{deadActor.Path}] terminated and its Terminated was not handled.")
{
    public IActorRef DeadActor { get; } = deadActor;
}
