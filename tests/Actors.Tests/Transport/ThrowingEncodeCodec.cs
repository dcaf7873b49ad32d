using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>The ASAP codec, except that encoding a <typeparamref name="TPoison"/> throws (a bug inside a wire actor).</summary>
internal sealed class ThrowingEncodeCodec<TPoison> : IWireCodec<AsapMessage>
    where TPoison : AsapMessage
{
    public string Name => "ASAP";

    public bool TryDecode(ReadOnlySpan<byte> frame, in WireLimits limits, out AsapMessage? message, out DecodeError error,
        out ValueArray<UnrecognizedParameter> unrecognized) =>
        AsapWireCodec.Instance.TryDecode(frame, limits, out message, out error, out unrecognized);

    public int GetEncodedLength(AsapMessage message) =>
        message is TPoison ? throw new InvalidOperationException("encoder bug") : AsapWireCodec.Instance.GetEncodedLength(message);

    public int Encode(AsapMessage message, Span<byte> destination) => AsapWireCodec.Instance.Encode(message, destination);

    public AsapMessage? BuildErrorReply(ReadOnlySpan<byte> frame, in DecodeError error, ValueArray<UnrecognizedParameter> unrecognized) =>
        AsapWireCodec.Instance.BuildErrorReply(frame, error, unrecognized);
}
