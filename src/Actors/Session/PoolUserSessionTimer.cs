namespace RSerPool.Actors.Session;

/// <summary>Internal: timer messages of the <see cref="PoolUserSessionActor"/>.</summary>
internal abstract record PoolUserSessionTimer;
