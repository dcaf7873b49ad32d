namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Sent to <see cref="Watchee"/>: add <see cref="Watcher"/> to its watchers (actor-kernel.md §5).</summary>
internal sealed class Watch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;

    public IActorRef Watcher { get; } = watcher;
}
