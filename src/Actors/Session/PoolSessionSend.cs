namespace RSerPool.Actors.Session;

/// <summary>Send application bytes; <paramref name="Completion"/> completes when written (or acknowledged, if requested).</summary>
internal sealed record PoolSessionSend(byte[] Payload, bool AckRequested, bool FailoverAllowed, TaskCompletionSource Completion) : PoolSessionCommand
{
    public override string ToString() => $"Send {{ Length = {Payload.Length}, AckRequested = {AckRequested}, FailoverAllowed = {FailoverAllowed} }}";
}
