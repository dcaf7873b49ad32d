using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolUser;

/// <summary>
/// Asks the resolver for every PE of <paramref name="Handle"/> with policy and load (rsp_getpoolinfo, services draft
/// §4.4), freshly resolved. Answered with <see cref="PoolInfo"/> or <see cref="PoolElementSelectionFailed"/>.
/// </summary>
public sealed record GetPoolInfo(PoolHandle Handle) : IRSerPoolMessage;
