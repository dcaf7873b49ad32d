using System.Buffers;

namespace RSerPool.Wire.Tests.Support;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/> values for framing tests.</summary>
public static class Sequences
{
    /// <summary>
    /// A sequence over <paramref name="bytes"/> cut at the given ascending offsets. Each segment is copied into
    /// its own exact-size array, so a read past a segment's end cannot silently see the next bytes.
    /// </summary>
    public static ReadOnlySequence<byte> Split(ReadOnlySpan<byte> bytes, params int[] cuts)
    {
        var pieces = new List<byte[]>();
        int start = 0;
        foreach (int cut in cuts)
        {
            if (cut < start || cut > bytes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(cuts), $"cut {cut} outside [{start}, {bytes.Length}]");
            }

            pieces.Add(bytes[start..cut].ToArray());
            start = cut;
        }

        pieces.Add(bytes[start..].ToArray());
        return FromPieces(pieces);
    }

    /// <summary>A sequence of one segment per piece (empty pieces included).</summary>
    public static ReadOnlySequence<byte> FromPieces(IReadOnlyList<byte[]> pieces)
    {
        if (pieces.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new BufferSegment(pieces[0]);
        BufferSegment last = first;
        for (int i = 1; i < pieces.Count; i++)
        {
            last = last.Append(pieces[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>A sequence of single-byte segments: the worst case for header reads.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(ReadOnlySpan<byte> bytes)
    {
        var pieces = new List<byte[]>(bytes.Length);
        foreach (byte b in bytes)
        {
            pieces.Add([b]);
        }

        return FromPieces(pieces);
    }
}
