// Why a shim stream could not be read (docs/session-shim.md §4).
namespace RSerPool.Wire.Session;

public enum ShimErrorReason
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The Length field makes the frame longer than the configured maximum (checked before buffering).</summary>
    LengthOverMaximum,

    /// <summary>The PPID is none of <see cref="ShimPayloadProtocol"/>.</summary>
    UnknownPayloadProtocol,

    /// <summary>The payload is shorter than the fixed fields of its PPID.</summary>
    PayloadTooShort,

    /// <summary>A fixed-size payload (ACK, HEARTBEAT, HEARTBEAT-ACK) has a different length.</summary>
    PayloadLengthMismatch,

    /// <summary>The ASAP message of a PPID 11 frame failed to decode; see <see cref="ShimDecodeError.AsapError"/>.</summary>
    InvalidAsapMessage,
}
