// SCTP Transport (0x0004), RFC 5354 §3.4 / docs/protocol-notes.md §4:
// | 0x0004 | Length | Port (16) | Transport Use (16) | Address parameter(s), one or more (multi-homing) |
using System.Net;

namespace RSerPool.Wire.Parameters;

public sealed record SctpTransport(ushort Port, TransportUse TransportUse, ValueArray<IPAddress> Addresses)
    : TransportParameter(Port, Addresses)
{
    public override ParameterType ParameterType => ParameterType.SctpTransport;
}
