// ENRP_ERROR (0x0A), RFC 5353 §2.10: H(0x0A, 0) {Sender ID} {Receiver ID} [Operation Error]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpError(uint SenderServerId, uint ReceiverServerId, OperationError Error)
    : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public override EnrpMessageType Type => EnrpMessageType.Error;
}
