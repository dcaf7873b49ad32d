using System.Buffers;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// docs/protocol-notes.md §2: any split of a valid stream of several messages yields the same frames, and each frame
// decodes to the message that was sent.
public sealed class StreamSplitProperties
{
    private const int MaxLength = WireLimits.DefaultMaxMessageLength;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Every_split_point_of_a_random_stream_yields_the_sent_messages(int baseSeed)
    {
        int seed = FuzzSettings.SeedFor(baseSeed);
        var generator = new MessageGenerator(seed);
        var random = new Random(seed);
        for (int round = 0; round < 25 * FuzzSettings.Scale; round++)
        {
            var messages = new List<object>();
            int count = random.Next(2, 6);
            for (int i = 0; i < count; i++)
            {
                messages.Add(random.Next(2) == 0 ? generator.NextAsap() : generator.NextEnrp());
            }

            byte[][] frames = messages.Select(WireCodec.Encode).ToArray();
            byte[] stream = frames.SelectMany(f => f).ToArray();
            string context = $"seed {seed}, round {round}, stream {Hex.Format(stream)}";

            for (int cut = 0; cut <= stream.Length; cut++)
            {
                // byte-equal frames decode alike: decode them once, on the first cut
                AssertFrames(Sequences.Split(stream, cut), frames, cut == 0 ? messages : null, $"{context}, cut at {cut}");
            }

            for (int trial = 0; trial < 20; trial++)
            {
                int[] cuts = Enumerable.Range(0, random.Next(2, 8)).Select(_ => random.Next(stream.Length + 1)).Order().ToArray();
                AssertFrames(Sequences.Split(stream, cuts), frames, null, $"{context}, cuts at {string.Join(",", cuts)}");
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Feeding_a_random_stream_in_random_chunks_yields_the_sent_messages(int baseSeed)
    {
        // The reader keeps the unconsumed tail and appends each new chunk, as a socket loop does.
        int seed = FuzzSettings.SeedFor(baseSeed);
        var generator = new MessageGenerator(seed);
        var random = new Random(seed);
        for (int round = 0; round < 200 * FuzzSettings.Scale; round++)
        {
            var messages = Enumerable.Range(0, random.Next(1, 8)).Select(_ => (object)generator.NextAsap()).ToList();
            byte[][] frames = messages.Select(WireCodec.Encode).ToArray();
            byte[] stream = frames.SelectMany(f => f).ToArray();

            var received = new List<byte[]>();
            byte[] pending = [];
            int position = 0;
            while (position < stream.Length)
            {
                int chunk = Math.Min(random.Next(1, 40), stream.Length - position);
                var buffer = Sequences.FromPieces([pending, stream[position..(position + chunk)]]);
                position += chunk;
                FrameReadStatus status;
                FrameError error;
                while ((status = FrameSplitter.TryReadFrame(ref buffer, MaxLength, out var frame, out error)) == FrameReadStatus.Frame)
                {
                    received.Add(frame.ToArray());
                }

                Assert.True(status == FrameReadStatus.NeedMoreData, $"seed {seed}, round {round}: {status} {error}");
                pending = buffer.ToArray();
            }

            Assert.True(pending.Length == 0, $"seed {seed}, round {round}: {pending.Length} bytes left over");
            Assert.Equal(frames.Length, received.Count);
            for (int i = 0; i < frames.Length; i++)
            {
                Assert.True(frames[i].AsSpan().SequenceEqual(received[i]), $"seed {seed}, round {round}, frame {i}");
            }
        }
    }

    private static void AssertFrames(ReadOnlySequence<byte> buffer, byte[][] expected, List<object>? messages, string context)
    {
        int index = 0;
        FrameReadStatus status;
        while ((status = FrameSplitter.TryReadFrame(ref buffer, MaxLength, out var frame, out var error)) == FrameReadStatus.Frame)
        {
            Assert.True(index < expected.Length, $"{context}: more frames than messages");
            byte[] bytes = frame.ToArray();
            Assert.True(expected[index].AsSpan().SequenceEqual(bytes), $"{context}: frame {index} differs: {Hex.Format(bytes)}");
            if (messages is not null)
            {
                object decoded = WireCodec.Decode(WireCodec.IsEnrp(messages[index]), bytes);
                Assert.True(messages[index].Equals(decoded), $"{context}: frame {index} decodes to {decoded}");
            }

            index++;
        }

        Assert.True(status == FrameReadStatus.NeedMoreData, $"{context}: {status}");
        Assert.True(index == expected.Length, $"{context}: {index} frames instead of {expected.Length}");
        Assert.True(buffer.IsEmpty, $"{context}: {buffer.Length} bytes left");
    }
}
