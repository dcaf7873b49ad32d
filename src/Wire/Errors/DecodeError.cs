// A failed decode: cause, byte offset, offending parameter range, and the answer the actors should send
// (RFC 5352 §2.2.14, RFC 5353 §2.10, RFC 5354 §3; docs/protocol-notes.md §5, §9).
namespace RSerPool.Wire.Errors;

/// <summary>
/// Why and where a decode failed. <see cref="Offset"/> is the absolute byte offset where the problem was found.
/// Where a parameter is at fault, <see cref="ParameterOffset"/>/<see cref="ParameterLength"/> give its complete TLV
/// (header included, padding not; <see cref="ParameterLength"/> is 0 when there is none).
/// </summary>
public readonly record struct DecodeError(DecodeStatus Status, int Offset, int ParameterOffset = 0, int ParameterLength = 0, ushort ParameterType = 0)
{
    public static DecodeError None => default;

    public bool IsSuccess => Status == DecodeStatus.Success;

    /// <summary>True when a parameter range is known.</summary>
    public bool HasParameter => ParameterLength > 0;

    /// <summary>
    /// The error cause the receiver should answer with (in an ASAP/ENRP Error, or the Operation Error of a response),
    /// or <c>null</c> when the message must be discarded silently (action bits 00, RFC 5354 §3).
    /// Mapping: unknown type → 0x0002 with the whole message; action bits 01 → 0x0001 with the TLV;
    /// a bad parameter value/length → 0x0003 with the TLV; limits → 0x0006; a message that is malformed as a whole
    /// → RSPLIB's 0x0010 (no RFC cause exists for it).
    /// </summary>
    public ErrorCauseCode? ResponseCause => Status switch
    {
        DecodeStatus.Success => null,
        DecodeStatus.UnrecognizedParameter => null,
        DecodeStatus.UnrecognizedMessageType => ErrorCauseCode.UnrecognizedMessage,
        DecodeStatus.UnrecognizedParameterReported => ErrorCauseCode.UnrecognizedParameter,
        DecodeStatus.MessageTooLong or DecodeStatus.TooManyParameters or DecodeStatus.NestingTooDeep
            or DecodeStatus.TooManyAddresses => ErrorCauseCode.LackOfResources,
        _ when HasParameter => ErrorCauseCode.InvalidValues,
        _ => ErrorCauseCode.RsplibInvalidMessage,
    };

    /// <summary>What the information field of <see cref="ResponseCause"/> should carry.</summary>
    public ResponseInformation ResponseInformation => ResponseCause switch
    {
        ErrorCauseCode.UnrecognizedMessage => ResponseInformation.WholeMessage,
        ErrorCauseCode.UnrecognizedParameter or ErrorCauseCode.InvalidValues => ResponseInformation.OffendingParameter,
        _ => ResponseInformation.None,
    };

    /// <summary>The bytes to put into the answer's cause information, sliced from the received <paramref name="message"/>.</summary>
    public ReadOnlySpan<byte> GetResponseInformation(ReadOnlySpan<byte> message) => ResponseInformation switch
    {
        ResponseInformation.WholeMessage => message,
        ResponseInformation.OffendingParameter when ParameterOffset >= 0 && ParameterOffset + ParameterLength <= message.Length
            => message.Slice(ParameterOffset, ParameterLength),
        _ => [],
    };

    public override string ToString() => HasParameter
        ? $"{Status} at offset {Offset} (parameter 0x{ParameterType:x4} at {ParameterOffset}, length {ParameterLength})"
        : $"{Status} at offset {Offset}";
}
