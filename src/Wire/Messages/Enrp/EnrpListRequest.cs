// ENRP_LIST_REQUEST (0x05), RFC 5353 §2.5: H(0x05, 0) {Sender ID} {Receiver ID}
namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpListRequest(uint SenderServerId, uint ReceiverServerId) : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public override EnrpMessageType Type => EnrpMessageType.ListRequest;
}
