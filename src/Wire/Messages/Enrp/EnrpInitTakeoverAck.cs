// ENRP_INIT_TAKEOVER_ACK (0x08), RFC 5353 §2.8: H(0x08, 0) {Sender ID} {Receiver ID} {Target Server's ID}
namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpInitTakeoverAck(uint SenderServerId, uint ReceiverServerId, uint TargetServerId)
    : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public override EnrpMessageType Type => EnrpMessageType.InitTakeoverAck;
}
