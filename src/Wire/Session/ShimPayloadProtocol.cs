// PU-PE channel shim over TCP (services draft §5.2.1, docs/session-shim.md §2): the PPID field of each frame.
namespace RSerPool.Wire.Session;

/// <summary>
/// Payload Protocol Identifier of a shim frame. 11 is the IANA SCTP PPID of ASAP (RFC 5352 §5), so control frames
/// carry plain ASAP; the other values are the shim's own, spelled in ASCII ("RSP" + a letter) to stay clear of IANA PPIDs.
/// </summary>
public enum ShimPayloadProtocol : uint
{
    /// <summary>One ASAP message (Cookie, Cookie Echo, Business Card ...), RFC 5352 §2.2.</summary>
    Asap = 11,

    /// <summary>Application data with a sequence number and the ack-requested flag ("RSPD").</summary>
    Data = 0x5253_5044,

    /// <summary>Upper-layer acknowledgement of ack-requested data ("RSPK").</summary>
    Ack = 0x5253_504B,

    /// <summary>Heartbeat request ("RSPH").</summary>
    Heartbeat = 0x5253_5048,

    /// <summary>Heartbeat answer echoing the request's nonce ("RSPA").</summary>
    HeartbeatAck = 0x5253_5041,
}
