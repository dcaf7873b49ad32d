using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolElements;

/// <summary>Told to the PE's observer on each status change, and on a new home registrar (<paramref name="HomeServerId"/>, 0 = not known yet).</summary>
public sealed record PoolElementStatusChanged(PoolHandle PoolHandle, uint Identifier, PoolElementStatus Status, uint HomeServerId, string? Reason = null) : IRSerPoolMessage;
