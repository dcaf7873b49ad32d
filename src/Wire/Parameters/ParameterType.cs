// Parameter types (RFC 5354 §3, §5.1). Values are the full 16-bit type as sent.
namespace RSerPool.Wire.Parameters;

public enum ParameterType : ushort
{
    Ipv4Address = 0x0001,
    Ipv6Address = 0x0002,
    DccpTransport = 0x0003,
    SctpTransport = 0x0004,
    TcpTransport = 0x0005,
    UdpTransport = 0x0006,
    UdpLiteTransport = 0x0007,
    PoolMemberSelectionPolicy = 0x0008,
    PoolHandle = 0x0009,
    PoolElement = 0x000A,
    ServerInformation = 0x000B,
    OperationError = 0x000C,
    Cookie = 0x000D,
    PeIdentifier = 0x000E,
    PeChecksum = 0x000F,

    /// <summary>RSPLIB extension draft-dreibholz-rserpool-asap-hropt; action bits 10 (skip if unknown).</summary>
    HandleResolutionOption = 0x803F,
}
