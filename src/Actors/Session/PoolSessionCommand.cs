// Commands from PoolSession to its PU session actor.
namespace RSerPool.Actors.Session;

/// <summary>Internal: what <see cref="Api.PoolSession"/> tells its <see cref="PoolUserSessionActor"/>.</summary>
internal abstract record PoolSessionCommand;
