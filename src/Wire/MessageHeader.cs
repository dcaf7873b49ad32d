// Common message header of ASAP and ENRP (RFC 5354 §4; Message Length as RSPLIB sends it: docs/protocol-notes.md §3):
//  0                   1                   2                   3
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// | Message Type  | Message Flags |        Message Length         |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
using System.Buffers.Binary;

namespace RSerPool.Wire;

/// <summary>The 4-byte common header. <see cref="PaddedLength"/> is where the message really ends (docs/protocol-notes.md §3).</summary>
public readonly record struct MessageHeader(byte Type, byte Flags, ushort Length)
{
    public const int Size = 4;
    private const int TypeOffset = 0;
    private const int FlagsOffset = 1;
    private const int LengthOffset = 2;

    /// <summary>Message Length rounded up to a multiple of 4: the number of bytes the message occupies.</summary>
    public int PaddedLength => (Length + 3) & ~3;

    /// <summary>Reads a header; false when fewer than 4 bytes are given.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out MessageHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }

        header = new MessageHeader(source[TypeOffset], source[FlagsOffset], BinaryPrimitives.ReadUInt16BigEndian(source[LengthOffset..]));
        return true;
    }

    /// <summary>Writes the header; false when fewer than 4 bytes are available.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[LengthOffset..], Length);
        destination[TypeOffset] = Type;
        destination[FlagsOffset] = Flags;
        return true;
    }
}
