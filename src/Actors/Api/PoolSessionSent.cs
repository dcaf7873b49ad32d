namespace RSerPool.Actors.Api;

/// <summary>A <see cref="SendToPool"/> completed (sent; acknowledged by the PE when an ack was requested).</summary>
public sealed record PoolSessionSent(object? Tag) : IRSerPoolMessage;
