using System.Collections.Immutable;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolUser;

/// <summary>
/// Asks the pool user's resolver for one PE of <paramref name="Handle"/>, chosen by the pool's policy among the
/// cached (or freshly resolved) PEs, skipping <paramref name="Excluding"/>: GET_PRIMARY_SERVER when empty,
/// GET_NEXT_SERVER otherwise (services draft §4.4). Answered with <see cref="PoolElementSelected"/> or
/// <see cref="PoolElementSelectionFailed"/>.
/// </summary>
public sealed record SelectPoolElement(PoolHandle Handle, ImmutableArray<uint> Excluding) : IRSerPoolMessage;
