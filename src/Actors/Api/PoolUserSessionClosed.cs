namespace RSerPool.Actors.Api;

/// <summary>A session of the PE actor ended (closed by either side or broken).</summary>
public sealed record PoolUserSessionClosed(long SessionId) : IRSerPoolMessage;
