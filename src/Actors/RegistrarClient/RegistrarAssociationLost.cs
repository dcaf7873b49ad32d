namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Told to every PE registered through the client when the current registrar association broke or was dropped: the
/// registrar removes the PEs of a lost association (docs/protocol-notes.md §9), so they re-register with the next one (RFC 5352 §3.1).
/// </summary>
public sealed record RegistrarAssociationLost(string Reason);
