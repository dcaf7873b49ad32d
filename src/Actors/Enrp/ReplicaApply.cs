// enrp.md §4.3 receiver ADD_PE, §4.4 handle table entries: a copy of a PE owned by another registrar.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → registrar → pool: insert or refresh a copy; its owner is <c>Element.HomeServerIdentifier</c> (never this registrar).</summary>
internal sealed record ReplicaApply(PoolHandle PoolHandle, PoolElement Element);
