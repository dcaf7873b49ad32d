// TCP Transport (0x0005), RFC 5354 §3.5 / docs/protocol-notes.md §4:
// | 0x0005 | Length | Port (16) | Transport Use (16) | Address parameter (exactly one when sent) |
using System.Net;

namespace RSerPool.Wire.Parameters;

public sealed record TcpTransport(ushort Port, TransportUse TransportUse, ValueArray<IPAddress> Addresses)
    : TransportParameter(Port, Addresses)
{
    public override ParameterType ParameterType => ParameterType.TcpTransport;
}
