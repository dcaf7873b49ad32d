// Error cause inside an Operation Error (RFC 5354 §3.12, docs/protocol-notes.md §5):
// | Cause Code (16) | Cause Length (16) = 4 + info | cause-specific information + padding |
using RSerPool.Wire.Errors;

namespace RSerPool.Wire.Parameters;

/// <summary>One error cause. Any code is accepted; <see cref="Information"/> keeps the raw bytes (may be empty).</summary>
/// <remarks>
/// The factories that echo what was received cut the echo at <see cref="MaxEchoLength"/>, so an Error carrying it fits the
/// 16-bit Message Length in both protocols (docs/protocol-notes.md §5): a received message or parameter can be almost
/// 64 KiB, and the Error adds its own headers around it.
/// </remarks>
public sealed record ErrorCause(ErrorCauseCode Code, ValueArray<byte> Information = default)
{
    /// <summary>
    /// Longest Operation Error content that fits any Error message: 65532 (the largest Message Length that is a multiple
    /// of 4) less the ENRP Error's header, two server ids and Operation Error header (RFC 5353 §2.10: 4 + 8 + 4).
    /// </summary>
    public const int MaxCausesLength = 65532 - 16;

    /// <summary>Longest information of one cause: <see cref="MaxCausesLength"/> less the cause's own header.</summary>
    public const int MaxEchoLength = MaxCausesLength - 4;

    /// <summary>Cause 0x0001 with the complete unrecognized TLV (cut at <see cref="MaxEchoLength"/>).</summary>
    public static ErrorCause UnrecognizedParameter(ReadOnlySpan<byte> parameterTlv) =>
        new(ErrorCauseCode.UnrecognizedParameter, Echo(parameterTlv));

    /// <summary>Cause 0x0002 with the complete unrecognized message (cut at <see cref="MaxEchoLength"/>).</summary>
    public static ErrorCause UnrecognizedMessage(ReadOnlySpan<byte> message) =>
        new(ErrorCauseCode.UnrecognizedMessage, Echo(message));

    /// <summary>Cause 0x0003 with the complete parameter holding the invalid value (cut at <see cref="MaxEchoLength"/>).</summary>
    public static ErrorCause InvalidValues(ReadOnlySpan<byte> parameterTlv) =>
        new(ErrorCauseCode.InvalidValues, Echo(parameterTlv));

    /// <summary>A cause without information (0x0004, 0x0006, 0x0008, 0x0009, 0x000A, RSPLIB codes).</summary>
    public static ErrorCause WithoutInformation(ErrorCauseCode code) => new(code);

    /// <summary>The cause an actor answers a failed decode with, or null for a silent discard (RFC 5354 §3, docs/protocol-notes.md §9).</summary>
    public static ErrorCause? ForDecodeError(in DecodeError error, ReadOnlySpan<byte> message) =>
        error.ResponseCause is { } code ? new ErrorCause(code, Echo(error.GetResponseInformation(message))) : null;

    /// <summary>Bytes a cause takes inside an Operation Error: header and padded information (RFC 5354 §3.12).</summary>
    public int EncodedLength => 4 + ((Information.Count + 3) & ~3);

    /// <summary>This cause with its information cut to <paramref name="length"/> bytes (when longer).</summary>
    public ErrorCause CutTo(int length) =>
        Information.Count <= length ? this : this with { Information = ValueArray.Create(Information.AsSpan()[..Math.Max(0, length)]) };

    private static ValueArray<byte> Echo(ReadOnlySpan<byte> received) =>
        ValueArray.Create(received.Length <= MaxEchoLength ? received : received[..MaxEchoLength]);
}
