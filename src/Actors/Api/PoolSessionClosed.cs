using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>A pool-user session actor ended: closed on request (<paramref name="Reason"/> null) or failed for good.</summary>
public sealed record PoolSessionClosed(PoolHandle Pool, string? Reason) : IRSerPoolMessage;
