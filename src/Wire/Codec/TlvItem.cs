// One parameter (or error cause) located by TlvCursor (RFC 5354 §2-§3):
// | A A | Type (14) | Length (16) = 4 + value | value | padding to 4 |
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

/// <summary>Absolute position of one TLV inside the message being decoded.</summary>
internal readonly struct TlvItem(ushort rawType, int offset, int length, int depth)
{
    public ushort RawType { get; } = rawType;

    /// <summary>Offset of the type field.</summary>
    public int Offset { get; } = offset;

    /// <summary>Parameter Length: header + value, padding excluded.</summary>
    public int Length { get; } = length;

    /// <summary>1 for a message's own parameters, 2 for their children, and so on.</summary>
    public int Depth { get; } = depth;

    /// <summary>The type with the action bits masked off.</summary>
    public ushort Identifier => ParameterTypes.Identifier(RawType);

    public int ValueOffset => Offset + 4;

    public int ValueLength => Length - 4;

    public int End => Offset + Length;
}
