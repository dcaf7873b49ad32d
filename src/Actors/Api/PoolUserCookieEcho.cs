namespace RSerPool.Actors.Api;

/// <summary>
/// A pool user that failed over to this PE echoed the last cookie it got (RFC 5352 §2.2.11): the state to resume from.
/// The sender is the session.
/// </summary>
public sealed record PoolUserCookieEcho(long SessionId, byte[] Cookie) : IRSerPoolMessage;
