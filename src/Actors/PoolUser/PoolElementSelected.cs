using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolUser;

/// <summary>The resolver's answer to <see cref="SelectPoolElement"/>: the chosen PE with its user transports.</summary>
public sealed record PoolElementSelected(PoolHandle Handle, PoolElement Element) : IRSerPoolMessage;
