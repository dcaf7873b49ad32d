// ENRP_PRESENCE (0x01), RFC 5353 §2.1:
// H(0x01, R=0x01 reply required) {Sender ID} {Receiver ID} [PE Checksum (length 6 + 2 padding)] [Server Information]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Enrp;

/// <param name="Checksum">PE Checksum of the PEs the sender owns; always sent by RSPLIB (accepted absent).</param>
/// <param name="ServerInformation">The sender's ID and ENRP SCTP transport; always sent by RSPLIB (accepted absent).</param>
/// <param name="ReplyRequired">Flag R (0x01).</param>
public sealed record EnrpPresence(
    uint SenderServerId,
    uint ReceiverServerId,
    ushort? Checksum,
    ServerInformation? ServerInformation,
    bool ReplyRequired = false) : EnrpMessage(SenderServerId, ReceiverServerId)
{
    public const byte ReplyRequiredFlag = 0x01;

    public override EnrpMessageType Type => EnrpMessageType.Presence;
}
