// Walks the TLVs of one region (a message body or a parameter's value), checking every length before use
// (RFC 5354 §3): length >= 4, padded length <= bytes left in the region, and the limits.
using System.Buffers.Binary;
using RSerPool.Wire.Errors;

namespace RSerPool.Wire.Codec;

internal ref struct TlvCursor
{
    private readonly int _end;
    private readonly int _depth;
    private int _position;

    /// <param name="start">Absolute offset of the first TLV.</param>
    /// <param name="end">Absolute end of the region (exclusive).</param>
    /// <param name="depth">Nesting depth of the TLVs in this region (1 = message level).</param>
    public TlvCursor(int start, int end, int depth)
    {
        _position = start;
        _end = end;
        _depth = depth;
    }

    public readonly int Position => _position;

    public readonly int End => _end;

    public TlvStep Next(ref DecodeContext context, out TlvItem item)
    {
        item = default;
        if (_position >= _end)
        {
            return TlvStep.End;
        }

        int remaining = _end - _position;
        if (remaining < 4)
        {
            context.Fail(DecodeStatus.ParameterOverrun, _position);
            return TlvStep.Failed;
        }

        ReadOnlySpan<byte> header = context.Message.Slice(_position, 4);
        ushort rawType = BinaryPrimitives.ReadUInt16BigEndian(header);
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        if (length < 4)
        {
            context.Fail(DecodeStatus.ParameterTooShort, _position + 2);
            return TlvStep.Failed;
        }

        // RFC 5354 §3: the padding is always present, also after the last parameter of a region.
        int padded = (length + 3) & ~3;
        if (padded > remaining)
        {
            context.Fail(DecodeStatus.ParameterOverrun, _position + 2);
            return TlvStep.Failed;
        }

        if (_depth > context.Limits.MaxNestingDepth)
        {
            context.Fail(DecodeStatus.NestingTooDeep, _position);
            return TlvStep.Failed;
        }

        if (++context.ParameterCount > context.Limits.MaxParametersPerMessage)
        {
            context.Fail(DecodeStatus.TooManyParameters, _position);
            return TlvStep.Failed;
        }

        item = new TlvItem(rawType, _position, length, _depth);
        _position += padded;
        return TlvStep.Item;
    }
}
