// ENRP_HANDLE_TABLE_RESPONSE (0x03), RFC 5353 §2.3:
// H(0x03, R=0x01 reject, M=0x02 more to send) {Sender ID} {Receiver ID} ([Pool Handle] [Pool Element] x N) x pools
namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpHandleTableResponse(
    uint SenderServerId,
    uint ReceiverServerId,
    ValueArray<HandleTableEntry> Entries,
    bool Rejected = false,
    bool MoreToSend = false) : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public const byte RejectedFlag = 0x01;
    public const byte MoreToSendFlag = 0x02;

    public override EnrpMessageType Type => EnrpMessageType.HandleTableResponse;
}
