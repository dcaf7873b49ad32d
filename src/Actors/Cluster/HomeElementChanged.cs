using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>Pool actor → pool watch actor: one change of a PE whose home is (or was) this registrar; sent only when a watch is attached.</summary>
internal sealed record HomeElementChanged(PoolHandle PoolHandle, HomeChange Change, PoolChangeReason Reason, uint Identifier, PoolElement? Element);
