// One pool entry of an ENRP Handle Table Response (RFC 5353 §2.3): [Pool Handle] [Pool Element] x N.
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Enrp;

/// <param name="PoolHandle">The pool.</param>
/// <param name="PoolElements">Its PEs in this part, each with Home ID and ASAP transport.</param>
public sealed record HandleTableEntry(PoolHandle PoolHandle, ValueArray<PoolElement> PoolElements);
