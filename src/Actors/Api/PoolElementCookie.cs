namespace RSerPool.Actors.Api;

/// <summary>Told to a session: sends an ASAP Cookie to its pool user, echoed to the next PE after a failover (RFC 5352 §2.2.10).</summary>
public sealed record PoolElementCookie(byte[] Cookie) : IRSerPoolMessage;
