// DCCP Transport (0x0003), RFC 5354 §3.4 / README §4.4:
// | 0x0003 | Length | Port (16) | Reserved (16) = 0 | Service Code (32) | Address parameter (exactly one when sent) |
using System.Net;

namespace RSerPool.Wire.Parameters;

public sealed record DccpTransport(ushort Port, uint ServiceCode, ValueArray<IPAddress> Addresses)
    : TransportParameter(Port, Addresses)
{
    public override ParameterType ParameterType => ParameterType.DccpTransport;
}
