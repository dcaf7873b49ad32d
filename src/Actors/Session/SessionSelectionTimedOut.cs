namespace RSerPool.Actors.Session;

internal sealed record SessionSelectionTimedOut(int Attempt) : PoolUserSessionTimer;
