// ENRP_HANDLE_UPDATE (0x04), RFC 5353 §2.4:
// H(0x04, T=0x01 takeover suggested) {Sender ID} {Receiver ID} {Update Action (16)} {Reserved (16) = 0}
// [Pool Handle] [Pool Element (with ASAP transport)]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Enrp;

public sealed record EnrpHandleUpdate(
    uint SenderServerId,
    uint ReceiverServerId,
    HandleUpdateAction Action,
    PoolHandle PoolHandle,
    PoolElement PoolElement,
    bool TakeoverSuggested = false) : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public const byte TakeoverSuggestedFlag = 0x01;

    public override EnrpMessageType Type => EnrpMessageType.HandleUpdate;
}
