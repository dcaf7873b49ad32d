// ASAP_ENDPOINT_UNREACHABLE (0x09), RFC 5352 §2.2.9: H(0x09, 0) [Pool Handle] [PE Identifier]
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Messages.Asap;

public sealed record AsapEndpointUnreachable(PoolHandle PoolHandle, uint PoolElementIdentifier) : AsapMessage
{
    public override AsapMessageType Type => AsapMessageType.EndpointUnreachable;
}
