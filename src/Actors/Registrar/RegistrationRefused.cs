using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>Pool actor → registrar: a registration that reserved a slot on its association was rejected.</summary>
internal sealed record RegistrationRefused(PoolHandle PoolHandle, uint Identifier, long AssociationId);
