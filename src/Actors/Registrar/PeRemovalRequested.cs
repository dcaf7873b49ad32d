using RSerPool.Actors.Handlespace;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// PE registration actor → pool actor: remove the PE. Ignored when <paramref name="Generation"/> is stale, i.e.
/// the PE re-registered after the actor decided (the renewal then restarts the actor's supervision).
/// </summary>
internal sealed record PeRemovalRequested(uint Identifier, long Generation, RemovalReason Reason);
