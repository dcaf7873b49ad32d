// ASAP_REGISTRATION (0x01), RFC 5352 §2.2.1: H(0x01, 0) [Pool Handle] [Pool Element (no ASAP transport)]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapRegistration(PoolHandle PoolHandle, PoolElement PoolElement) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.Registration;
}
