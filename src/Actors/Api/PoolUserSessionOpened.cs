namespace RSerPool.Actors.Api;

/// <summary>A pool user opened a session with the PE actor; the sender is the session.</summary>
public sealed record PoolUserSessionOpened(long SessionId) : IRSerPoolMessage;
