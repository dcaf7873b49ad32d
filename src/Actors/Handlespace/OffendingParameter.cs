// Information of the rejection causes (RFC 5352 §2.2.3, §3.1; RFC 5354 §3.12; docs/protocol-notes.md §9):
// the complete offending parameter TLV (without trailing padding).
using System.Buffers.Binary;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

internal static class OffendingParameter
{
    private const int MessageHeaderLength = 4;
    private const int ParameterHeaderLength = 4;
    private const int PoolElementFixedFields = 12;

    /// <summary>The Pool Handle parameter (0x0009) holding <paramref name="handle"/>.</summary>
    public static ValueArray<byte> PoolHandle(PoolHandle handle)
    {
        int length = ParameterHeaderLength + handle.Length;
        var bytes = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)ParameterType.PoolHandle);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)Math.Min(length, ushort.MaxValue));
        handle.Span.CopyTo(bytes.AsSpan(ParameterHeaderLength));
        return ValueArray.Create<byte>(bytes);
    }

    /// <summary>The Pool Element parameter (0x000b) of <paramref name="element"/>, without its ASAP transport.</summary>
    public static ValueArray<byte> PoolElement(PoolElement element)
    {
        var registration = new AsapRegistration(new PoolHandle("x"u8), element with { AsapTransport = null });
        ReadOnlySpan<byte> message = AsapEncoder.EncodeToArray(registration);
        int offset = MessageHeaderLength + Padded(BinaryPrimitives.ReadUInt16BigEndian(message[(MessageHeaderLength + 2)..]));
        int length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
        return ValueArray.Create(message.Slice(offset, length));
    }

    /// <summary>The user transport parameter of <paramref name="element"/>, as the codec encodes it.</summary>
    public static ValueArray<byte> UserTransport(PoolElement element) => InnerParameter(element, index: 0);

    /// <summary>The Pool Member Selection Policy parameter of <paramref name="element"/>, as the codec encodes it.</summary>
    public static ValueArray<byte> Policy(PoolElement element) => InnerParameter(element, index: 1);

    // Encodes a Registration with a one-byte handle and returns the index-th parameter inside the PE parameter.
    private static ValueArray<byte> InnerParameter(PoolElement element, int index)
    {
        var registration = new AsapRegistration(new PoolHandle("x"u8), element with { AsapTransport = null });
        ReadOnlySpan<byte> message = AsapEncoder.EncodeToArray(registration);
        int offset = MessageHeaderLength;
        offset += Padded(BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]));
        offset += ParameterHeaderLength + PoolElementFixedFields;
        for (int i = 0; i < index; i++)
        {
            offset += Padded(BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]));
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
        return ValueArray.Create(message.Slice(offset, length));
    }

    private static int Padded(int length) => (length + 3) & ~3;
}
