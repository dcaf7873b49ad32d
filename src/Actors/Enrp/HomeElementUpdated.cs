// RFC 5353 §3.3: a PE registered or re-registered at this registrar (its home).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Enrp;

/// <summary>Pool actor → registrar → ENRP: the home PE as it now is (Home ID = this registrar, with its ASAP transport); sent as ADD_PE to every peer.</summary>
internal sealed record HomeElementUpdated(PoolHandle PoolHandle, PoolElement Element);
