// ASAP_ERROR (0x0E), RFC 5352 §2.2.14: H(0x0E, 0) [Operation Error]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapError(OperationError Error) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.Error;
}
