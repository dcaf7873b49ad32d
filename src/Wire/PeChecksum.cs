using System.Buffers.Binary;

namespace RSerPool.Wire;

/// <summary>
/// The ENRP handlespace checksum of RFC 5353 §3.6.2, sent in the PE Checksum parameter (RFC 5354 §3.15), bit-exact with RSPLIB (docs/protocol-notes.md §12):
/// the RFC 1071 one's-complement sum over each owned PE's [pool handle padded to even length ‖ PE identifier].
/// </summary>
/// <remarks>
/// The value is the raw 32-bit accumulator. It wraps modulo 2^32 and is folded to 16 bits only by
/// <see cref="Finish"/>, exactly as RSPLIB does; a registrar keeps one accumulator per owner and adds or
/// removes per-PE partial sums as PEs come and go (docs/protocol-notes.md §12).
/// </remarks>
public readonly struct PeChecksum : IEquatable<PeChecksum>
{
    /// <summary>The checksum sent when the sender owns no PE (docs/protocol-notes.md §12).</summary>
    public const ushort NoPoolElements = 0xFFFF;

    private PeChecksum(uint accumulator) => Accumulator = accumulator;

    /// <summary>The accumulator of an empty handlespace (0).</summary>
    public static PeChecksum Empty => default;

    /// <summary>The unfolded 32-bit sum of all partial sums added so far (mod 2^32).</summary>
    public uint Accumulator { get; }

    /// <summary>
    /// The unfolded sum of the 16-bit big-endian words of <paramref name="poolHandle"/> (a final odd byte
    /// is padded with a zero byte) followed by <paramref name="peIdentifier"/> as two words (docs/protocol-notes.md §12).
    /// </summary>
    public static uint PartialSum(ReadOnlySpan<byte> poolHandle, uint peIdentifier)
    {
        uint sum = 0;
        int evenLength = poolHandle.Length & ~1;
        for (int i = 0; i < evenLength; i += 2)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt16BigEndian(poolHandle.Slice(i, 2)));
        }

        if (evenLength != poolHandle.Length)
        {
            // docs/protocol-notes.md §12: the handle, not the identifier, is padded to even length.
            sum = unchecked(sum + ((uint)poolHandle[evenLength] << 8));
        }

        return unchecked(sum + (peIdentifier >> 16) + (peIdentifier & 0xFFFF));
    }

    /// <summary>Adds one PE's partial sum (mod 2^32).</summary>
    public PeChecksum Add(uint partialSum) => new(unchecked(Accumulator + partialSum));

    /// <summary>Removes one PE's partial sum previously added (mod 2^32).</summary>
    public PeChecksum Remove(uint partialSum) => new(unchecked(Accumulator - partialSum));

    /// <summary>Adds the PE (<paramref name="poolHandle"/>, <paramref name="peIdentifier"/>).</summary>
    public PeChecksum Add(ReadOnlySpan<byte> poolHandle, uint peIdentifier) => Add(PartialSum(poolHandle, peIdentifier));

    /// <summary>Removes the PE (<paramref name="poolHandle"/>, <paramref name="peIdentifier"/>).</summary>
    public PeChecksum Remove(ReadOnlySpan<byte> poolHandle, uint peIdentifier) => Remove(PartialSum(poolHandle, peIdentifier));

    /// <summary>Folds the carries into 16 bits and complements: the value of the PE Checksum parameter.</summary>
    public ushort Finish()
    {
        uint folded = Accumulator;
        while ((folded >> 16) != 0)
        {
            folded = (folded & 0xFFFF) + (folded >> 16);
        }

        return (ushort)~folded;
    }

    /// <inheritdoc />
    public bool Equals(PeChecksum other) => Accumulator == other.Accumulator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PeChecksum other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Accumulator;

    /// <summary>Compares two accumulators.</summary>
    public static bool operator ==(PeChecksum left, PeChecksum right) => left.Equals(right);

    /// <summary>Compares two accumulators.</summary>
    public static bool operator !=(PeChecksum left, PeChecksum right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"0x{Finish():x4} (sum 0x{Accumulator:x8})";
}
