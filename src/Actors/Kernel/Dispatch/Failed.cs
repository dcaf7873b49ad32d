namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>A child's failure report to its parent; <see cref="Uid"/> identifies the incarnation that failed.</summary>
internal sealed class Failed(IActorRef child, Exception cause, int uid) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public int Uid { get; } = uid;
}
