namespace RSerPool.Actors.Api;

/// <summary>
/// A pool user's message, delivered to an application actor registered as a PE with
/// <see cref="RSerPoolExtension.RegisterActorAsync"/>. Its sender is the session: answer with
/// <c>Sender.Tell(new PoolElementReply(bytes))</c> (services draft §3.3 data channel).
/// </summary>
public sealed record PoolUserRequest(long SessionId, byte[] Payload) : IRSerPoolMessage
{
    /// <inheritdoc />
    public override string ToString() => $"PoolUserRequest {{ SessionId = {SessionId}, Length = {Payload.Length} }}";
}
