// DCCP Transport (0x0003), RFC 5354 §3.3 / docs/protocol-notes.md §4:
// | 0x0003 | Length | Port (16) | Reserved (16) = 0 | Service Code (32) | Address parameter (exactly one when sent) |
using System.Net;

namespace RSerPool.Wire.Parameters;

public sealed record DccpTransport(ushort Port, uint ServiceCode, ValueArray<IPAddress> Addresses)
    : TransportParameter(Port, Addresses)
{
    public override ParameterType ParameterType => ParameterType.DccpTransport;
}
