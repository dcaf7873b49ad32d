// ASAP_DEREGISTRATION_RESPONSE (0x04), RFC 5352 §2.2.4:
// H(0x04, 0) [Pool Handle] [PE Identifier] [Operation Error] opt
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapDeregistrationResponse(PoolHandle PoolHandle, uint PoolElementIdentifier, OperationError? Error = null)
    : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.DeregistrationResponse;
}
