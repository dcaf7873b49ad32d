namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>Undo one <see cref="Suspend"/>; <see cref="CausedByFailure"/> is set for the actor whose own failure is resumed.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}
