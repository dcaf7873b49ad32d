// Error cause inside an Operation Error (RFC 5354 §3.12, docs/protocol-notes.md §5):
// | Cause Code (16) | Cause Length (16) = 4 + info | cause-specific information + padding |
using RSerPool.Wire.Errors;

namespace RSerPool.Wire.Parameters;

/// <summary>One error cause. Any code is accepted; <see cref="Information"/> keeps the raw bytes (may be empty).</summary>
public sealed record ErrorCause(ErrorCauseCode Code, ValueArray<byte> Information = default)
{
    /// <summary>Cause 0x0001 with the complete unrecognized TLV.</summary>
    public static ErrorCause UnrecognizedParameter(ReadOnlySpan<byte> parameterTlv) =>
        new(ErrorCauseCode.UnrecognizedParameter, ValueArray.Create(parameterTlv));

    /// <summary>Cause 0x0002 with the complete unrecognized message.</summary>
    public static ErrorCause UnrecognizedMessage(ReadOnlySpan<byte> message) =>
        new(ErrorCauseCode.UnrecognizedMessage, ValueArray.Create(message));

    /// <summary>Cause 0x0003 with the complete parameter holding the invalid value.</summary>
    public static ErrorCause InvalidValues(ReadOnlySpan<byte> parameterTlv) =>
        new(ErrorCauseCode.InvalidValues, ValueArray.Create(parameterTlv));

    /// <summary>A cause without information (0x0004, 0x0006, 0x0008, 0x0009, 0x000A, RSPLIB codes).</summary>
    public static ErrorCause WithoutInformation(ErrorCauseCode code) => new(code);

    /// <summary>The cause an actor answers a failed decode with, or null for a silent discard (RFC 5354 §3, docs/protocol-notes.md §9).</summary>
    public static ErrorCause? ForDecodeError(in DecodeError error, ReadOnlySpan<byte> message) =>
        error.ResponseCause is { } code ? new ErrorCause(code, ValueArray.Create(error.GetResponseInformation(message))) : null;
}
