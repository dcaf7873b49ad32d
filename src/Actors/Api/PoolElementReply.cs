namespace RSerPool.Actors.Api;

/// <summary>Told to a session (the sender of a <see cref="PoolUserRequest"/>): sends <paramref name="Payload"/> to its pool user.</summary>
public sealed record PoolElementReply(byte[] Payload) : IRSerPoolMessage
{
    /// <inheritdoc />
    public override string ToString() => $"PoolElementReply {{ Length = {Payload.Length} }}";
}
