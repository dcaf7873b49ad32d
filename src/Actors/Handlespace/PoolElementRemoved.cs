using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

/// <summary>Pool actor → registrar: a PE left the handlespace (asap.md §4.4, §4.6, §4.11).</summary>
internal sealed record PoolElementRemoved(PoolHandle PoolHandle, uint Identifier, RemovalReason Reason);
