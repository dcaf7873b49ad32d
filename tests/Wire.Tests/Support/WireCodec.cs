using System.Buffers;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Wire.Tests.Support;

/// <summary>The tests' single entry into the codec, for both protocols (message records are
/// <see cref="AsapMessage"/> or <see cref="EnrpMessage"/>).</summary>
public static class WireCodec
{
    public static bool TryDecode(bool enrp, ReadOnlySpan<byte> source, out object? message, out DecodeError error) =>
        TryDecode(enrp, source, out message, out error, out _);

    /// <summary>The full form, with the parameters to report with cause 0x0001 (RFC 5354 §3).</summary>
    public static bool TryDecode(
        bool enrp, ReadOnlySpan<byte> source, out object? message, out DecodeError error, out ValueArray<UnrecognizedParameter> unrecognized)
    {
        if (enrp)
        {
            bool ok = EnrpDecoder.TryDecode(source, WireLimits.Default, out EnrpMessage? enrpMessage, out error, out unrecognized);
            message = enrpMessage;
            return ok;
        }

        bool decoded = AsapDecoder.TryDecode(source, WireLimits.Default, out AsapMessage? asapMessage, out error, out unrecognized);
        message = asapMessage;
        return decoded;
    }

    /// <summary>The throwing form: a finished record or <see cref="RSerPoolWireException"/>.</summary>
    public static object Decode(bool enrp, ReadOnlySpan<byte> source) =>
        enrp ? EnrpDecoder.Decode(source) : AsapDecoder.Decode(source);

    public static byte[] Encode(object message) => message switch
    {
        AsapMessage asap => AsapEncoder.EncodeToArray(asap),
        EnrpMessage enrp => EnrpEncoder.EncodeToArray(enrp),
        _ => throw new ArgumentException($"not a message record: {message.GetType().Name}", nameof(message)),
    };

    public static int GetEncodedLength(object message) => message switch
    {
        AsapMessage asap => AsapEncoder.GetEncodedLength(asap),
        EnrpMessage enrp => EnrpEncoder.GetEncodedLength(enrp),
        _ => throw new ArgumentException($"not a message record: {message.GetType().Name}", nameof(message)),
    };

    /// <summary>Encodes through the <see cref="IBufferWriter{T}"/> overload.</summary>
    public static byte[] EncodeToBufferWriter(object message)
    {
        var writer = new ArrayBufferWriter<byte>();
        int written = message switch
        {
            AsapMessage asap => AsapEncoder.Encode(asap, writer),
            EnrpMessage enrp => EnrpEncoder.Encode(enrp, writer),
            _ => throw new ArgumentException($"not a message record: {message.GetType().Name}", nameof(message)),
        };
        if (written != writer.WrittenCount)
        {
            throw new InvalidOperationException($"Encode reported {written} bytes but wrote {writer.WrittenCount}");
        }

        return writer.WrittenSpan.ToArray();
    }

    public static bool IsEnrp(object message) => message is EnrpMessage;
}
