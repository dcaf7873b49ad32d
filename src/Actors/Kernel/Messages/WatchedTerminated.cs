namespace RSerPool.Actors.Kernel;

/// <summary>
/// The kernel's own delivery of a <see cref="Terminated"/> to a watcher; it is dropped if the watcher unwatched in the
/// meantime (actor-kernel.md §5). A <see cref="Terminated"/> told by user code is an ordinary message.
/// </summary>
internal sealed class WatchedTerminated(Terminated terminated) : IAutoReceivedMessage
{
    public Terminated Terminated { get; } = terminated;
}
