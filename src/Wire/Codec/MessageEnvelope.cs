// Checks shared by the ASAP and ENRP decoders: common header and Message Length rules (docs/protocol-notes.md §3).
using System.Buffers.Binary;
using RSerPool.Wire.Errors;

namespace RSerPool.Wire.Codec;

internal static class MessageEnvelope
{
    /// <summary>
    /// Header, limit and length checks. The message must end exactly at Message Length rounded up to 4; a length
    /// that leaves out the final padding is accepted when the padding bytes are present; trailing bytes fail.
    /// </summary>
    public static bool TryOpen(ref DecodeContext context, out byte type, out byte flags, out int declaredLength)
    {
        ReadOnlySpan<byte> source = context.Message;
        type = 0;
        flags = 0;
        declaredLength = 0;
        if (source.Length < MessageHeader.Size)
        {
            return context.Fail(DecodeStatus.MessageTooShort, source.Length);
        }

        if (source.Length > context.Limits.MaxMessageLength)
        {
            return context.Fail(DecodeStatus.MessageTooLong, context.Limits.MaxMessageLength);
        }

        type = source[0];
        flags = source[1];
        declaredLength = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        if (declaredLength < MessageHeader.Size)
        {
            return context.Fail(DecodeStatus.InvalidMessageLength, 2);
        }

        int padded = (declaredLength + 3) & ~3;
        if (padded > source.Length)
        {
            return context.Fail(DecodeStatus.TruncatedMessage, source.Length);
        }

        if (padded < source.Length)
        {
            return context.Fail(DecodeStatus.TrailingBytes, padded);
        }

        return true;
    }

    /// <summary>The message type's fixed fields must fit inside Message Length.</summary>
    public static bool CheckFixedFields(ref DecodeContext context, int declaredLength, int headerAndFixedLength) =>
        declaredLength >= headerAndFixedLength || context.Fail(DecodeStatus.InvalidMessageLength, 2);

    public static ValueArray<UnrecognizedParameter> Reports(in DecodeContext context) =>
        context.Reports is { Count: > 0 } reports ? ValueArray.Wrap(reports.ToArray()) : default;
}
