namespace RSerPool.Actors.Session;

internal sealed record SessionHeartbeatTick : PoolUserSessionTimer;
