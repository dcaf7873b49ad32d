using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// Issue 13: the TCP frame splitter (docs/protocol-notes.md §2, §3) on streams of mutated messages, read in random chunks
// as a socket loop reads them: the frames and the final verdict do not depend on the chunking, no frame is longer than
// the maximum or unpadded, and every frame goes to both decoders and gets a message or the typed error.
public sealed class MutatedStreamProperties
{
    private const int MaxLength = WireLimits.DefaultMaxMessageLength;

    [FuzzProperty(cases: 20_000, seed: 41)]
    public Property Mutated_streams_read_in_chunks_split_as_read_whole_and_every_frame_decodes_or_fails_typed() =>
        Prop.ForAll(MutatedStreams(), stream =>
        {
            var (whole, wholeStatus, wholeLeft) = ReadAll(stream.Stream, [stream.Stream.Length]);
            var (chunked, chunkedStatus, chunkedLeft) = ReadAll(stream.Stream, stream.ChunkSizes);

            Expect.True(wholeStatus == chunkedStatus && wholeLeft == chunkedLeft, () => $"whole: {wholeStatus}, {wholeLeft} left; chunked: {chunkedStatus}, {chunkedLeft} left");
            Expect.True(whole.Count == chunked.Count, () => $"{whole.Count} frames whole, {chunked.Count} chunked");
            for (int i = 0; i < whole.Count; i++)
            {
                byte[] frame = whole[i];
                Expect.True(frame.AsSpan().SequenceEqual(chunked[i]), () => $"frame {i} differs");
                Expect.True(frame.Length % 4 == 0 && frame.Length <= MaxLength, () => $"frame {i} of {frame.Length} bytes");
                foreach (bool enrp in (bool[])[false, true])
                {
                    try
                    {
                        WireCodec.TryDecode(enrp, frame, out _, out _);
                    }
                    catch (Exception exception)
                    {
                        Assert.Fail($"{(enrp ? "ENRP" : "ASAP")} decoder threw on frame {i} {Hex.Format(frame)}: {exception}");
                    }
                }
            }
        });

    // The socket loop of the transport: append each chunk to what is left, take every whole frame, stop at a broken length.
    private static (List<byte[]> Frames, FrameReadStatus Status, int Left) ReadAll(byte[] stream, int[] chunkSizes)
    {
        var frames = new List<byte[]>();
        byte[] pending = [];
        int position = 0;
        for (int next = 0; position < stream.Length; next++)
        {
            int chunk = Math.Min(chunkSizes[next % chunkSizes.Length], stream.Length - position);
            var buffer = Sequences.FromPieces([pending, stream[position..(position + chunk)]]);
            position += chunk;
            FrameReadStatus status;
            while ((status = FrameSplitter.TryReadFrame(ref buffer, MaxLength, out var frame, out _)) == FrameReadStatus.Frame)
            {
                frames.Add(frame.ToArray());
            }

            pending = buffer.ToArray();
            if (status == FrameReadStatus.Malformed)
            {
                return (frames, status, stream.Length - position + pending.Length);
            }
        }

        return (frames, FrameReadStatus.NeedMoreData, pending.Length);
    }

    // 1-6 messages, each mutated 2 times in 3; chunks of 1-300 bytes. Shrinking drops chunk sizes, then stream bytes.
    private static Arbitrary<MutatedStream> MutatedStreams()
    {
        Gen<MutatedStream> cases =
            from parts in Gen.Choose(1, 6).SelectMany(count => Gen.ArrayOf(Gen.Elements(MutationProperties.Sources), count))
            from seed in PrimitiveGen.Int
            from chunkSizes in Gen.Choose(1, 16).SelectMany(count => Gen.ArrayOf(Gen.Choose(1, 300), count))
            select Build(parts, seed, chunkSizes);
        return Arb.From(cases, stream =>
            Shrinks.Shorter(stream.ChunkSizes).Where(sizes => sizes.Length > 0).Select(sizes => stream with { ChunkSizes = sizes })
                .Concat(Shrinks.Bytes(stream.Stream).Select(bytes => stream with { Stream = bytes, Parts = ["shrunk"] })));

        static MutatedStream Build((string Name, bool Enrp, byte[] Bytes)[] sources, int seed, int[] chunkSizes)
        {
            var random = new Random(seed);
            var mutator = new Mutator(random);
            var parts = new List<string>();
            var stream = new List<byte>();
            foreach (var (name, _, bytes) in sources)
            {
                int kind = random.Next(3 * Mutator.KindCount / 2) is var pick && pick < Mutator.KindCount ? pick : -1;
                stream.AddRange(kind < 0 ? bytes : mutator.Mutate(bytes, kind));
                parts.Add(kind < 0 ? name : $"{name} '{Mutator.KindName(kind)}'");
            }

            return new MutatedStream([.. stream], [.. parts], chunkSizes);
        }
    }
}
