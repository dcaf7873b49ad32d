using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>A PE's identity in the handlespace: (pool handle, PE identifier) (spec/README.md §4.5).</summary>
internal readonly record struct PeKey(PoolHandle PoolHandle, uint Identifier);
