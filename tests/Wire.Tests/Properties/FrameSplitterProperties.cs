using System.Buffers;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// docs/protocol-notes.md §2 and §3: on arbitrary bytes the splitter only ever returns a frame of the declared length
// rounded up to 4, asks for more, or reports a malformed length, and it never throws.
public sealed class FrameSplitterProperties
{
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Arbitrary_bytes_split_anywhere_are_framed_consistently(int baseSeed)
    {
        int seed = FuzzSettings.SeedFor(baseSeed);
        var random = new Random(seed);
        for (int round = 0; round < 20_000 * FuzzSettings.Scale; round++)
        {
            byte[] stream = new byte[random.Next(0, 96)];
            random.NextBytes(stream);
            for (int i = 0; i + 3 < stream.Length; i += 4)
            {
                // keep most declared lengths small enough to complete inside the stream
                if (random.Next(3) != 0)
                {
                    stream[i + 2] = 0;
                    stream[i + 3] = (byte)random.Next(0, 40);
                }
            }

            int max = random.Next(4, 64);
            int[] cuts = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(stream.Length + 1)).Order().ToArray();
            ReadOnlySequence<byte> buffer = Sequences.Split(stream, cuts);
            string context = $"seed {seed}, round {round}, max {max}, cuts {string.Join(",", cuts)}, bytes {Hex.Format(stream)}";

            int position = 0;
            while (true)
            {
                long before = buffer.Length;
                FrameReadStatus status = FrameSplitter.TryReadFrame(ref buffer, max, out var frame, out var error);
                if (status != FrameReadStatus.Frame)
                {
                    Assert.True(buffer.Length == before, $"{context}: buffer moved on {status}");
                    if (status == FrameReadStatus.Malformed)
                    {
                        int declared = (stream[position + 2] << 8) | stream[position + 3];
                        Assert.True(error.DeclaredLength == declared, $"{context}: {error}");
                        Assert.True(declared < 4 || FrameSplitter.PaddedLength(declared) > max, $"{context}: rejected a legal length {error}");
                    }
                    else
                    {
                        int remaining = stream.Length - position;
                        Assert.True(
                            remaining < 4 || FrameSplitter.PaddedLength((stream[position + 2] << 8) | stream[position + 3]) > remaining,
                            $"{context}: asked for more data with a whole frame present");
                    }

                    break;
                }

                int length = (stream[position + 2] << 8) | stream[position + 3];
                Assert.True(length >= 4 && frame.Length == FrameSplitter.PaddedLength(length) && frame.Length <= max, $"{context}: frame of {frame.Length}");
                Assert.True(frame.ToArray().AsSpan().SequenceEqual(stream.AsSpan(position, (int)frame.Length)), $"{context}: frame bytes differ");
                position += (int)frame.Length;
                Assert.Equal(stream.Length - position, buffer.Length);
            }
        }
    }
}
