// ASAP_DEREGISTRATION (0x02), RFC 5352 §2.2.2: H(0x02, 0) [Pool Handle] [PE Identifier]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapDeregistration(PoolHandle PoolHandle, uint PoolElementIdentifier) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.Deregistration;
}
