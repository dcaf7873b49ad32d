// ASAP_BUSINESS_CARD (0x0D), RFC 5352 §2.2.13:
// H(0x0D, 0) [Pool Handle] [Policy] opt (accepted, not sent by us) [Pool Element] x N (N >= 1)
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

/// <param name="PoolHandle">The pool the sender belongs to or uses.</param>
/// <param name="PoolElements">Failover PEs in order of preference.</param>
/// <param name="Policy">RSPLIB-encoder form only: a policy between handle and PEs; leave null to send the RFC form.</param>
public sealed record AsapBusinessCard(PoolHandle PoolHandle, ValueArray<PoolElement> PoolElements, PoolMemberSelectionPolicy? Policy = null)
    : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.BusinessCard;
}
