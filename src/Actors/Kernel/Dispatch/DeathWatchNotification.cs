namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Tells a watcher or the parent that <see cref="Actor"/> has terminated.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}
