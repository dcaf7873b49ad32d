// ENRP_TAKEOVER_SERVER (0x09), RFC 5353 §2.9: H(0x09, 0) {Sender ID} {Receiver ID} {Target Server's ID}
namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpTakeoverServer(uint SenderServerId, uint ReceiverServerId, uint TargetServerId)
    : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public override EnrpMessageType Type => EnrpMessageType.TakeoverServer;
}
