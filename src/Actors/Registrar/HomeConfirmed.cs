namespace RSerPool.Actors.Registrar;

/// <summary>
/// PE registration actor → pool actor: the PE acknowledged the Keep Alive of <see cref="ConfirmHome"/> on its
/// association here, so it still has its home here. Ignored when <paramref name="Generation"/> is stale.
/// </summary>
internal sealed record HomeConfirmed(uint Identifier, long Generation);
