namespace RSerPool.Actors.Session;

internal sealed record SessionReselectDue : PoolUserSessionTimer;
