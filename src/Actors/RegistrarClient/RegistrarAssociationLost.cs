namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Told to every PE registered through the client when the current registrar association broke or was dropped: the
/// registrar removes the PEs of a lost association (asap.md §4.4 step 4), so they re-register with the next one (§4.3).
/// </summary>
public sealed record RegistrarAssociationLost(string Reason);
