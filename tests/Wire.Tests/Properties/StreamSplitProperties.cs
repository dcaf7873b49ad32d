using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// docs/protocol-notes.md §2: any split of a valid stream of several messages yields the same frames, and each frame
// decodes to the message that was sent.
public sealed class StreamSplitProperties
{
    private const int MaxLength = WireLimits.DefaultMaxMessageLength;

    [FuzzProperty(cases: 100, seed: 11)]
    public Property Every_split_point_of_a_random_stream_yields_the_sent_messages() =>
        Prop.ForAll(SplitMessagesCases(), split =>
        {
            byte[][] frames = split.Frames();
            byte[] stream = [.. frames.SelectMany(f => f)];
            for (int cut = 0; cut <= stream.Length; cut++)
            {
                // byte-equal frames decode alike: decode them once, on the first cut
                AssertFrames(Sequences.Split(stream, cut), frames, cut == 0 ? split.Messages : null, $"cut at {cut}");
            }

            foreach (int[] cutSet in split.CutSets)
            {
                int[] cuts = SplitMessages.CutsIn(cutSet, stream.Length);
                AssertFrames(Sequences.Split(stream, cuts), frames, null, $"cuts at {string.Join(",", cuts)}");
            }
        });

    [FuzzProperty(cases: 400, seed: 21)]
    public Property Feeding_a_random_stream_in_random_chunks_yields_the_sent_messages() =>
        Prop.ForAll(ChunkedMessagesCases(), chunked =>
        {
            // The reader keeps the unconsumed tail and appends each new chunk, as a socket loop does.
            byte[][] frames = [.. chunked.Messages.Select(WireCodec.Encode)];
            byte[] stream = [.. frames.SelectMany(f => f)];
            var received = new List<byte[]>();
            byte[] pending = [];
            int position = 0;
            for (int next = 0; position < stream.Length; next++)
            {
                int chunk = Math.Min(chunked.ChunkSizes[next % chunked.ChunkSizes.Length], stream.Length - position);
                var buffer = Sequences.FromPieces([pending, stream[position..(position + chunk)]]);
                position += chunk;
                FrameReadStatus status;
                FrameError error;
                while ((status = FrameSplitter.TryReadFrame(ref buffer, MaxLength, out var frame, out error)) == FrameReadStatus.Frame)
                {
                    received.Add(frame.ToArray());
                }

                Expect.True(status == FrameReadStatus.NeedMoreData, () => $"{status} {error} after {position} bytes");
                pending = buffer.ToArray();
            }

            Expect.True(pending.Length == 0, () => $"{pending.Length} bytes left over");
            Assert.Equal(frames.Length, received.Count);
            for (int i = 0; i < frames.Length; i++)
            {
                Expect.True(frames[i].AsSpan().SequenceEqual(received[i]), () => $"frame {i} differs");
            }
        });

    // 2-5 ASAP or ENRP messages and 20 sets of 2-7 cut points. Shrinking drops messages, then cut sets.
    private static Arbitrary<SplitMessages> SplitMessagesCases()
    {
        Gen<int[]> cutSet = Gen.Choose(2, 7).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, 0xFFFF), count));
        Gen<SplitMessages> cases =
            from messages in Gen.Choose(2, 5).SelectMany(count => Gen.ArrayOf(MessageGen.Any.AnyMessage, count))
            from cutSets in Gen.ArrayOf(cutSet, 20)
            select new SplitMessages(messages, cutSets);
        return Arb.From(cases, split =>
            Shrinks.Shorter(split.Messages).Where(m => m.Length > 0).Select(messages => split with { Messages = messages })
                .Concat(Shrinks.Shorter(split.CutSets).Select(cutSets => split with { CutSets = cutSets })));
    }

    // 1-7 ASAP messages, chunks of 1-39 bytes. Shrinking drops messages, then chunk sizes.
    private static Arbitrary<ChunkedMessages> ChunkedMessagesCases()
    {
        Gen<object> asap = MessageGen.Any.AnyAsap.Select(m => (object)m);
        Gen<ChunkedMessages> cases =
            from messages in Gen.Choose(1, 7).SelectMany(count => Gen.ArrayOf(asap, count))
            from chunkSizes in Gen.Choose(1, 64).SelectMany(count => Gen.ArrayOf(Gen.Choose(1, 39), count))
            select new ChunkedMessages(messages, chunkSizes);
        return Arb.From(cases, chunked =>
            Shrinks.Shorter(chunked.Messages).Where(m => m.Length > 0).Select(messages => chunked with { Messages = messages })
                .Concat(Shrinks.Shorter(chunked.ChunkSizes).Where(c => c.Length > 0).Select(sizes => chunked with { ChunkSizes = sizes })));
    }

    private static void AssertFrames(ReadOnlySequence<byte> buffer, byte[][] expected, object[]? messages, string context)
    {
        int index = 0;
        FrameReadStatus status;
        while ((status = FrameSplitter.TryReadFrame(ref buffer, MaxLength, out var frame, out var error)) == FrameReadStatus.Frame)
        {
            Expect.True(index < expected.Length, () => $"{context}: more frames than messages");
            byte[] bytes = frame.ToArray();
            Expect.True(expected[index].AsSpan().SequenceEqual(bytes), () => $"{context}: frame {index} differs: {Hex.Format(bytes)}");
            if (messages is not null)
            {
                object decoded = WireCodec.Decode(WireCodec.IsEnrp(messages[index]), bytes);
                Expect.True(messages[index].Equals(decoded), () => $"{context}: frame {index} decodes to {decoded}");
            }

            index++;
        }

        Expect.True(status == FrameReadStatus.NeedMoreData, () => $"{context}: {status}");
        Expect.True(index == expected.Length, () => $"{context}: {index} frames instead of {expected.Length}");
        Expect.True(buffer.IsEmpty, () => $"{context}: {buffer.Length} bytes left");
    }
}
