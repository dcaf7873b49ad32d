// Transport parameters (RFC 5354 §3.3-§3.7, docs/protocol-notes.md §4): SCTP, TCP, UDP, UDP-Lite, DCCP.
using System.Net;

namespace RSerPool.Wire.Parameters;

/// <summary>
/// Base of the five transport parameters. <see cref="Addresses"/> hold IPv4 (parameter 0x0001) or IPv6
/// (parameter 0x0002) addresses in wire order; an address is encoded with the parameter of its own family,
/// so map IPv4-mapped IPv6 addresses to IPv4 first if RSPLIB's encoding is wanted. Reserved fields are sent as 0
/// and ignored on receipt.
/// </summary>
public abstract record TransportParameter(ushort Port, ValueArray<IPAddress> Addresses)
{
    /// <summary>The parameter type this transport is encoded with.</summary>
    public abstract ParameterType ParameterType { get; }
}
