namespace RSerPool.Actors.Session;

internal sealed record SessionAckTimedOut : PoolUserSessionTimer;
