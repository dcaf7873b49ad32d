namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Restart the actor with a fresh instance (actor-kernel.md §4.3).</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}
