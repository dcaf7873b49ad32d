using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

/// <summary>Pool actor → registrar: a PE left the handlespace (RFC 5352 §3.2, §3.4, §3.5).</summary>
internal sealed record PoolElementRemoved(PoolHandle PoolHandle, uint Identifier, RemovalReason Reason);
