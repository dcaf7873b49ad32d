using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolUser;

/// <summary>
/// Tells the resolver that a PE failed: it drops the PE from its cache and sends Endpoint Unreachable to its
/// registrar (RFC 5352 §3.5), rate-limited. Fire and forget.
/// </summary>
public sealed record ReportPoolElementUnreachable(PoolHandle Handle, uint Identifier) : IRSerPoolMessage;
