namespace RSerPool.Actors.Registrar;

/// <summary>The registrar's mirror of one PE: its owner (home registrar) and its association (0 = none).</summary>
internal readonly record struct PoolMember(uint OwnerId, long AssociationId);
