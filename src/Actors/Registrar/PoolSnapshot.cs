namespace RSerPool.Actors.Registrar;

/// <summary>Pool actor → snapshot collector: the PEs of one pool.</summary>
internal sealed record PoolSnapshot(IReadOnlyList<PoolElementSnapshot> Elements);
