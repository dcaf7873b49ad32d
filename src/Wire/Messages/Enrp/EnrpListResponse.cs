// ENRP_LIST_RESPONSE (0x06), RFC 5353 §2.6: H(0x06, R=0x01 reject) {Sender ID} {Receiver ID} [Server Information] x N
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpListResponse(
    uint SenderServerId,
    uint ReceiverServerId,
    ValueArray<ServerInformation> Servers,
    bool Rejected = false) : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public const byte RejectedFlag = 0x01;

    public override EnrpMessageType Type => EnrpMessageType.ListResponse;
}
