// ENRP_INIT_TAKEOVER (0x07), RFC 5353 §2.7: H(0x07, 0) {Sender ID} {Receiver ID} {Target Server's ID}
namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpInitTakeover(uint SenderServerId, uint ReceiverServerId, uint TargetServerId)
    : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public override EnrpMessageType Type => EnrpMessageType.InitTakeover;
}
