using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>A pool-user session actor connected to its first PE (rsp_connect done).</summary>
public sealed record PoolSessionConnected(PoolHandle Pool, PoolElement Element) : IRSerPoolMessage;
