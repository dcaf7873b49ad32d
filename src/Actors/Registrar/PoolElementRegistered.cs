using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Pool actor → registrar: a registration was accepted and the registrar's books (per-owner checksum, PEs per
/// association) must learn it. Sent for new PEs, for a PE that moved to another association or owner, and for
/// every registration that reserved a slot.
/// </summary>
internal sealed record PoolElementRegistered(PoolHandle PoolHandle, uint Identifier, uint OwnerId, long AssociationId);
