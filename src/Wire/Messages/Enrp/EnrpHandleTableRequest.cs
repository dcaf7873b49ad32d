// ENRP_HANDLE_TABLE_REQUEST (0x02), RFC 5353 §2.2: H(0x02, W=0x01 own children only) {Sender ID} {Receiver ID}
namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpHandleTableRequest(uint SenderServerId, uint ReceiverServerId, bool OwnChildrenOnly = false)
    : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public const byte OwnChildrenOnlyFlag = 0x01;

    public override EnrpMessageType Type => EnrpMessageType.HandleTableRequest;
}
