// ASAP_ENDPOINT_KEEP_ALIVE_ACK (0x08), RFC 5352 §2.2.8: H(0x08, 0) [Pool Handle] [PE Identifier]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapEndpointKeepAliveAck(PoolHandle PoolHandle, uint PoolElementIdentifier) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.EndpointKeepAliveAck;
}
