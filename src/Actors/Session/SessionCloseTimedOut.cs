namespace RSerPool.Actors.Session;

internal sealed record SessionCloseTimedOut : PoolUserSessionTimer;
