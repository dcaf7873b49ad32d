// ASAP_SERVER_ANNOUNCE (0x0A), RFC 5352 §2.2.10:
// H(0x0A, 0) {Server Identifier (32), fixed field} [Transport] x N (N >= 0; RSPLIB sends none)
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapServerAnnounce(uint ServerIdentifier, ValueArray<TransportParameter> Transports = default) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.ServerAnnounce;
}
