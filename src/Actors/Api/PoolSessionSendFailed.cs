namespace RSerPool.Actors.Api;

/// <summary>A <see cref="SendToPool"/> failed (e.g. bound to a failed PE, or the session closed).</summary>
public sealed record PoolSessionSendFailed(object? Tag, string Reason) : IRSerPoolMessage;
