using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Tests.Support;
using Xunit;
using static RSerPool.Wire.Tests.Properties.PrimitiveGen;

namespace RSerPool.Wire.Tests.Properties;

// docs/protocol-notes.md §2 and §3: on arbitrary bytes the splitter only ever returns a frame of the declared length
// rounded up to 4, asks for more, or reports a malformed length, and it never throws.
public sealed class FrameSplitterProperties
{
    [FuzzProperty(cases: 40_000, seed: 31)]
    public Property Arbitrary_bytes_split_anywhere_are_framed_consistently() =>
        Prop.ForAll(SplitBytesCases(), AssertFramedConsistently);

    // Up to 95 bytes, most 4-byte words declaring a length small enough to complete inside the stream; any
    // maximum from 4 to 63; 0-3 cuts. Shrinking keeps the cuts inside the shrunk stream.
    private static Arbitrary<SplitBytes> SplitBytesCases()
    {
        // two draws per word: its 4 bytes, and a pick that 2 times in 3 replaces bytes 2-3 by a length of 0-39
        Gen<byte[]> word = Gen.Zip(UInt, Gen.Choose(0, 119), (random, pick) =>
            new[] { (byte)(random >> 24), (byte)(random >> 16), pick < 80 ? (byte)0 : (byte)(random >> 8), pick < 80 ? (byte)(pick % 40) : (byte)random });
        Gen<SplitBytes> cases =
            from length in Gen.Choose(0, 95)
            from stream in Gen.Zip(Gen.ArrayOf(word, length / 4), Bytes(length % 4), (words, tail) => (byte[])[.. words.SelectMany(w => w), .. tail])
            from framing in Gen.Zip(Gen.Choose(4, 63), Gen.Choose(0, 3).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, length), count)))
            select new SplitBytes(stream, framing.Item1, [.. framing.Item2.Order()]);

        return Arb.From(cases, Shrink);

        static IEnumerable<SplitBytes> Shrink(SplitBytes split) =>
            Shrinks.Shorter(split.Cuts).Select(cuts => split with { Cuts = cuts })
                .Concat(Shrinks.Bytes(split.Stream).Select(stream =>
                    split with { Stream = stream, Cuts = [.. split.Cuts.Select(cut => Math.Min(cut, stream.Length))] }));
    }

    private static void AssertFramedConsistently(SplitBytes split)
    {
        byte[] stream = split.Stream;
        int max = split.Max;
        ReadOnlySequence<byte> buffer = Sequences.Split(stream, split.Cuts);
        int position = 0;
        while (true)
        {
            long before = buffer.Length;
            FrameReadStatus status = FrameSplitter.TryReadFrame(ref buffer, max, out var frame, out var error);
            if (status != FrameReadStatus.Frame)
            {
                Expect.True(buffer.Length == before, () => $"buffer moved on {status}");
                if (status == FrameReadStatus.Malformed)
                {
                    int declared = (stream[position + 2] << 8) | stream[position + 3];
                    Expect.True(error.DeclaredLength == declared, () => $"{error}");
                    Expect.True(declared < 4 || FrameSplitter.PaddedLength(declared) > max, () => $"rejected a legal length {error}");
                }
                else
                {
                    int remaining = stream.Length - position;
                    Expect.True(
                        remaining < 4 || FrameSplitter.PaddedLength((stream[position + 2] << 8) | stream[position + 3]) > remaining,
                        () => $"asked for more data with a whole frame present at {position}");
                }

                break;
            }

            int length = (stream[position + 2] << 8) | stream[position + 3];
            Expect.True(length >= 4 && frame.Length == FrameSplitter.PaddedLength(length) && frame.Length <= max, () => $"frame of {frame.Length} at {position}");
            Expect.True(frame.ToArray().AsSpan().SequenceEqual(stream.AsSpan(position, (int)frame.Length)), () => $"frame bytes at {position} differ");
            position += (int)frame.Length;
            Assert.Equal(stream.Length - position, buffer.Length);
        }
    }
}
