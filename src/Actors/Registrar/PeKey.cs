using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>A PE's identity in the handlespace: (pool handle, PE identifier) (docs/protocol-notes.md §6).</summary>
internal readonly record struct PeKey(PoolHandle PoolHandle, uint Identifier);
