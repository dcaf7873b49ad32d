using System.Collections.Immutable;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolUser;

/// <summary>A pool as its registrar sees it: the overall policy and every PE returned, each with its policy values (load).</summary>
public sealed record PoolInfo(PoolHandle Handle, PoolMemberSelectionPolicy? Policy, ImmutableArray<PoolElement> Elements) : IRSerPoolMessage;
