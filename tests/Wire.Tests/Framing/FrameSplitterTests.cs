using System.Buffers;
using System.Runtime.InteropServices;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Framing;

// docs/protocol-notes.md §2 (TCP convention) and §3 (Message Length), and the order of the checks.
public sealed class FrameSplitterTests
{
    private const int Max = 65535;

    /// <summary>A message of <paramref name="messageLength"/> bytes (+ padding), with a recognisable body.</summary>
    private static byte[] Message(byte type, int messageLength, int declaredLength = -1)
    {
        int padded = (messageLength + 3) & ~3;
        byte[] bytes = new byte[padded];
        bytes[0] = type;
        bytes[1] = 0x5a;
        int declared = declaredLength < 0 ? messageLength : declaredLength;
        bytes[2] = (byte)(declared >> 8);
        bytes[3] = (byte)declared;
        for (int i = 4; i < messageLength; i++)
        {
            bytes[i] = (byte)(type + i);
        }

        return bytes;
    }

    private static readonly byte[][] StreamMessages =
    [
        Message(0x01, 8),
        Message(0x02, 15),   // length leaves out the final padding byte: frame is 16 bytes
        Message(0x03, 4),    // header only
        Message(0x04, 28),
        Message(0x05, 13),   // 3 padding bytes
    ];

    private static byte[] Stream => StreamMessages.SelectMany(m => m).ToArray();

    private static List<byte[]> ReadAll(ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> rest)
    {
        var frames = new List<byte[]>();
        FrameReadStatus status;
        while ((status = FrameSplitter.TryReadFrame(ref buffer, Max, out var frame, out var error)) == FrameReadStatus.Frame)
        {
            frames.Add(frame.ToArray());
        }

        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        rest = buffer;
        return frames;
    }

    private static void AssertSameFrames(IReadOnlyList<byte[]> expected, IReadOnlyList<byte[]> actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {actual.Count} frames instead of {expected.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"{context}: frame {i} differs: {Hex.Format(actual[i])}");
        }
    }

    [Fact]
    public void Contiguous_stream_yields_each_message_with_its_padding()
    {
        var frames = ReadAll(new ReadOnlySequence<byte>(Stream), out var rest);

        AssertSameFrames(StreamMessages, frames, "contiguous");
        Assert.Equal(new[] { 8, 16, 4, 28, 16 }, frames.Select(f => f.Length));
        Assert.True(rest.IsEmpty);
    }

    [Fact]
    public void Every_single_split_point_yields_the_same_frames()
    {
        byte[] stream = Stream;
        for (int cut = 0; cut <= stream.Length; cut++)
        {
            var frames = ReadAll(Sequences.Split(stream, cut), out var rest);
            AssertSameFrames(StreamMessages, frames, $"cut at {cut}");
            Assert.True(rest.IsEmpty, $"cut at {cut}: {rest.Length} bytes left");
        }
    }

    [Fact]
    public void Every_pair_of_split_points_yields_the_same_frames()
    {
        byte[] stream = Stream;
        for (int first = 0; first <= stream.Length; first++)
        {
            for (int second = first; second <= stream.Length; second++)
            {
                var frames = ReadAll(Sequences.Split(stream, first, second), out var rest);
                AssertSameFrames(StreamMessages, frames, $"cuts at {first} and {second}");
                Assert.True(rest.IsEmpty);
            }
        }
    }

    [Fact]
    public void One_byte_segments_yield_the_same_frames()
    {
        var frames = ReadAll(Sequences.OneBytePerSegment(Stream), out var rest);

        AssertSameFrames(StreamMessages, frames, "one byte per segment");
        Assert.True(rest.IsEmpty);
    }

    [Fact]
    public void Bytes_arriving_in_two_reads_at_any_point_yield_each_frame_exactly_once()
    {
        byte[] stream = Stream;
        for (int arrived = 0; arrived <= stream.Length; arrived++)
        {
            // first read: only a prefix is there; keep the unconsumed tail as a pipe would
            var frames = ReadAll(new ReadOnlySequence<byte>(stream, 0, arrived), out var rest);
            int consumed = arrived - (int)rest.Length;

            // second read: the unconsumed tail plus the new bytes, as two segments
            byte[] tail = rest.ToArray();
            var second = Sequences.FromPieces([tail, stream[arrived..]]);
            frames.AddRange(ReadAll(second, out var end));

            AssertSameFrames(StreamMessages, frames, $"first read of {arrived} bytes (consumed {consumed})");
            Assert.True(end.IsEmpty);
        }
    }

    [Fact]
    public void Empty_input_needs_more_data_and_leaves_the_buffer_alone()
    {
        var buffer = ReadOnlySequence<byte>.Empty;

        var status = FrameSplitter.TryReadFrame(ref buffer, Max, out var frame, out var error);

        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        Assert.True(frame.IsEmpty);
        Assert.False(error.IsError);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Partial_header_needs_more_data(int available)
    {
        byte[] message = Message(0x01, 8);
        var buffer = new ReadOnlySequence<byte>(message, 0, available);

        var status = FrameSplitter.TryReadFrame(ref buffer, Max, out _, out var error);

        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        Assert.False(error.IsError);
        Assert.Equal(available, buffer.Length);
    }

    [Theory]
    [InlineData(5, 8)]
    [InlineData(7, 8)]
    [InlineData(15, 16)] // declared 13: the padding must still arrive (docs/protocol-notes.md §3)
    public void Partial_body_needs_more_data_and_leaves_the_buffer_alone(int available, int frameLength)
    {
        byte[] message = frameLength == 16 ? Message(0x01, 13) : Message(0x01, frameLength);
        var buffer = new ReadOnlySequence<byte>(message, 0, available);

        var status = FrameSplitter.TryReadFrame(ref buffer, Max, out var frame, out _);

        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        Assert.True(frame.IsEmpty);
        Assert.Equal(available, buffer.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Length_below_the_header_size_is_malformed_at_the_length_field(int declared)
    {
        byte[] bytes = [0x01, 0x00, 0x00, (byte)declared, 0xaa, 0xbb, 0xcc, 0xdd];
        var buffer = new ReadOnlySequence<byte>(bytes);

        var status = FrameSplitter.TryReadFrame(ref buffer, Max, out var frame, out var error);

        Assert.Equal(FrameReadStatus.Malformed, status);
        Assert.Equal(FrameErrorReason.LengthBelowHeader, error.Reason);
        Assert.Equal(declared, error.DeclaredLength);
        Assert.Equal(2, error.Offset);
        Assert.True(frame.IsEmpty);
        Assert.Equal(bytes.Length, buffer.Length);
    }

    [Fact]
    public void Oversize_length_is_rejected_as_soon_as_the_header_arrives()
    {
        // Only the 4 header bytes are there; the 1000-byte body never arrived.
        byte[] header = [0x01, 0x00, 0x03, 0xe8];
        var buffer = new ReadOnlySequence<byte>(header);

        var status = FrameSplitter.TryReadFrame(ref buffer, 512, out var frame, out var error);

        Assert.Equal(FrameReadStatus.Malformed, status);
        Assert.Equal(FrameErrorReason.LengthOverMaximum, error.Reason);
        Assert.Equal(1000, error.DeclaredLength);
        Assert.Equal(512, error.MaximumLength);
        Assert.Equal(2, error.Offset);
        Assert.Contains("1000", error.ToString(), StringComparison.Ordinal);
        Assert.True(frame.IsEmpty);
        Assert.Equal(4, buffer.Length);
    }

    [Fact]
    public void Oversize_length_with_the_header_split_over_segments_is_rejected()
    {
        var buffer = Sequences.OneBytePerSegment([0x01, 0x00, 0xff, 0xfc]);

        var status = FrameSplitter.TryReadFrame(ref buffer, 4096, out _, out var error);

        Assert.Equal(FrameReadStatus.Malformed, status);
        Assert.Equal(0xfffc, error.DeclaredLength);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(1024)]
    [InlineData(65532)]
    public void Message_of_exactly_the_maximum_length_is_accepted(int max)
    {
        byte[] message = Message(0x06, max);
        var buffer = new ReadOnlySequence<byte>(message);

        var status = FrameSplitter.TryReadFrame(ref buffer, max, out var frame, out var error);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.False(error.IsError);
        Assert.Equal(max, frame.Length);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Largest_possible_length_fits_the_default_maximum_of_65536()
    {
        // Message Length 65535 occupies 65536 bytes with its padding (WireLimits.DefaultMaxMessageLength).
        byte[] message = Message(0x06, 65535);
        var buffer = new ReadOnlySequence<byte>(message);

        var status = FrameSplitter.TryReadFrame(ref buffer, 65536, out var frame, out _);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(65536, frame.Length);
    }

    [Theory]
    [InlineData(4, 5)]
    [InlineData(12, 13)]
    [InlineData(1024, 1025)]
    [InlineData(65532, 65533)]
    public void Message_whose_padded_size_exceeds_the_maximum_is_rejected(int max, int declared)
    {
        byte[] message = Message(0x06, declared);
        var buffer = new ReadOnlySequence<byte>(message);

        var status = FrameSplitter.TryReadFrame(ref buffer, max, out _, out var error);

        Assert.Equal(FrameReadStatus.Malformed, status);
        Assert.Equal(FrameErrorReason.LengthOverMaximum, error.Reason);
        Assert.Equal(declared, error.DeclaredLength);
        Assert.Equal(max, error.MaximumLength);
    }

    [Theory]
    [InlineData(16, FrameReadStatus.Frame)]
    [InlineData(15, FrameReadStatus.Malformed)]
    [InlineData(13, FrameReadStatus.Malformed)]
    public void Padding_left_out_of_the_length_still_counts_against_the_maximum(int max, FrameReadStatus expected)
    {
        byte[] message = Message(0x06, 13); // 13 declared, 16 on the stream
        var buffer = new ReadOnlySequence<byte>(message);

        Assert.Equal(expected, FrameSplitter.TryReadFrame(ref buffer, max, out _, out _));
    }

    [Fact]
    public void Frame_is_a_slice_of_the_input_not_a_copy()
    {
        byte[] stream = Stream;
        var buffer = new ReadOnlySequence<byte>(stream);
        FrameSplitter.TryReadFrame(ref buffer, Max, out _, out _);

        Assert.Equal(FrameReadStatus.Frame, FrameSplitter.TryReadFrame(ref buffer, Max, out var second, out _));

        Assert.True(second.IsSingleSegment);
        Assert.True(MemoryMarshal.TryGetArray(second.First, out ArraySegment<byte> segment));
        Assert.Same(stream, segment.Array);
        Assert.Equal(8, segment.Offset);
        Assert.Equal(16, segment.Count);
    }

    [Fact]
    public void Malformed_header_after_good_frames_is_reported_after_those_frames()
    {
        byte[] stream = [.. Message(0x01, 8), 0x02, 0x00, 0x00, 0x02];
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.Equal(FrameReadStatus.Frame, FrameSplitter.TryReadFrame(ref buffer, Max, out var frame, out _));
        Assert.Equal(8, frame.Length);
        Assert.Equal(FrameReadStatus.Malformed, FrameSplitter.TryReadFrame(ref buffer, Max, out _, out var error));
        Assert.Equal(FrameErrorReason.LengthBelowHeader, error.Reason);
        Assert.Equal(4, buffer.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Maximum_below_the_header_size_is_an_argument_error(int max)
    {
        var buffer = new ReadOnlySequence<byte>(Message(0x01, 8));

        Assert.Throws<ArgumentOutOfRangeException>(() => FrameSplitter.TryReadFrame(ref buffer, max, out _, out _));
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(6, 8)]
    [InlineData(7, 8)]
    [InlineData(8, 8)]
    [InlineData(65535, 65536)]
    public void Padded_length_rounds_up_to_four(int length, int padded)
    {
        Assert.Equal(padded, FrameSplitter.PaddedLength(length));
    }

    [Fact]
    public void WireLimits_overload_uses_the_configured_maximum()
    {
        byte[] header = [0x01, 0x00, 0x00, 0x44];
        var buffer = new ReadOnlySequence<byte>(header);

        var status = FrameSplitter.TryReadFrame(ref buffer, new WireLimits { MaxMessageLength = 64 }, out _, out var error);

        Assert.Equal(FrameReadStatus.Malformed, status);
        Assert.Equal(64, error.MaximumLength);
        Assert.Equal(FrameReadStatus.NeedMoreData, FrameSplitter.TryReadFrame(ref buffer, WireLimits.Default, out _, out _));
    }
}
