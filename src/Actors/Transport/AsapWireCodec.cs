using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Transport;

/// <summary>ASAP over a stream (docs/protocol-notes.md §2) or a datagram: RFC 5352 codec plus the Error answers of docs/protocol-notes.md §9.</summary>
public sealed class AsapWireCodec : IWireCodec<AsapMessage>
{
    public static AsapWireCodec Instance { get; } = new();

    public string Name => "ASAP";

    public bool TryDecode(ReadOnlySpan<byte> frame, in WireLimits limits, out AsapMessage? message, out DecodeError error,
        out ValueArray<UnrecognizedParameter> unrecognized) =>
        AsapDecoder.TryDecode(frame, limits, out message, out error, out unrecognized);

    public int GetEncodedLength(AsapMessage message) => AsapEncoder.GetEncodedLength(message);

    public int Encode(AsapMessage message, Span<byte> destination) => AsapEncoder.Encode(message, destination);

    public AsapMessage? BuildErrorReply(ReadOnlySpan<byte> frame, in DecodeError error, ValueArray<UnrecognizedParameter> unrecognized)
    {
        if (!frame.IsEmpty && frame[0] == (byte)AsapMessageType.Error)
        {
            return null;
        }
        var causes = ErrorReplies.Causes(frame, error, unrecognized, headerLength: 4);
        return causes.IsEmpty ? null : new AsapError(new OperationError(causes));
    }

    // RFC 5352 §2.2: the three requests a registrar answers, each with its response.
    public bool IsRequest(AsapMessage message) => message is AsapRegistration or AsapDeregistration or AsapHandleResolution;

    public bool IsAnswer(AsapMessage message) =>
        message is AsapRegistrationResponse or AsapDeregistrationResponse or AsapHandleResolutionResponse;
}
