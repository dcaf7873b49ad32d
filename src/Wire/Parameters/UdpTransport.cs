// UDP Transport (0x0006), RFC 5354 §3.6 / docs/protocol-notes.md §4:
// | 0x0006 | Length | Port (16) | Reserved (16) = 0 | Address parameter (exactly one when sent) |
using System.Net;

namespace RSerPool.Wire.Parameters;

public sealed record UdpTransport(ushort Port, ValueArray<IPAddress> Addresses)
    : TransportParameter(Port, Addresses)
{
    public override ParameterType ParameterType => ParameterType.UdpTransport;
}
