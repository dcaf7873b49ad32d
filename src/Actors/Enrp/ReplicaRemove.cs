// enrp.md §4.3 DEL_PE, §4.4 audit sweep, §4.6 rule 3 copy expiry.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → registrar → pool: remove the copy (PH, PE ID) if it is still owned by another registrar.</summary>
internal sealed record ReplicaRemove(PoolHandle PoolHandle, uint Identifier);
