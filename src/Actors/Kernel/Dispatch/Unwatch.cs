namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Sent to <see cref="Watchee"/>: remove <see cref="Watcher"/> from its watchers.</summary>
internal sealed class Unwatch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;

    public IActorRef Watcher { get; } = watcher;
}
