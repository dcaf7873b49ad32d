// Commands from PoolSession to its PU session actor.
namespace RSerPool.Actors.Session;

/// <summary>Internal: what <see cref="Api.PoolSession"/> tells its <see cref="PoolUserSessionActor"/>.</summary>
internal abstract record PoolSessionCommand
{
    /// <summary>Send application bytes; <paramref name="Completion"/> completes when written (or acknowledged, if requested).</summary>
    public sealed record Send(byte[] Payload, bool AckRequested, bool FailoverAllowed, TaskCompletionSource Completion) : PoolSessionCommand
    {
        public override string ToString() => $"Send {{ Length = {Payload.Length}, AckRequested = {AckRequested}, FailoverAllowed = {FailoverAllowed} }}";
    }

    /// <summary>Leave the current PE for another one (without reporting it unreachable).</summary>
    public sealed record ForceFailover(TaskCompletionSource Completion) : PoolSessionCommand;

    /// <summary>Close the session after queued writes.</summary>
    public sealed record Close(TaskCompletionSource Completion) : PoolSessionCommand;
}
