namespace RSerPool.Actors.Session;

internal sealed record SessionHeartbeatTimedOut(ulong Nonce) : PoolUserSessionTimer;
