using System.Buffers;
using System.Buffers.Binary;

namespace RSerPool.Wire.Framing;

/// <summary>
/// Splits a byte stream of back-to-back ASAP/ENRP messages into frames, following the project's TCP
/// convention (docs/protocol-notes.md §2): no extra header; each message starts with the common header
/// (docs/protocol-notes.md §3) and occupies its Message Length rounded up to a multiple of 4.
/// </summary>
/// <remarks>
/// Resumable: call it again with a longer buffer after <see cref="FrameReadStatus.NeedMoreData"/>; it keeps
/// no state. Order of checks: header present, length read, length checked against the
/// maximum before the body is awaited, whole frame present, frame sliced without copying.
/// </remarks>
public static class FrameSplitter
{
    /// <summary>Size of the common message header: type, flags, length (RFC 5354 §4).</summary>
    public const int HeaderLength = 4;

    /// <summary>Offset of the 16-bit Message Length field in the common header.</summary>
    public const int LengthFieldOffset = 2;

    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // | Message Type  | Message Flags |        Message Length         |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |   fixed fields and parameters, padded to a multiple of 4      |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

    /// <summary>
    /// Tries to slice the next whole message off the front of <paramref name="buffer"/>.
    /// </summary>
    /// <param name="buffer">Unconsumed stream bytes. On <see cref="FrameReadStatus.Frame"/> it is advanced past
    /// the frame; otherwise it is left unchanged.</param>
    /// <param name="maxMessageLength">Largest frame accepted, padding included (at least 4), as
    /// <c>WireLimits.MaxMessageLength</c>. A Message Length whose padded size exceeds it is rejected as soon as
    /// the header is present, before the body arrives.</param>
    /// <param name="frame">The frame, padding included (a slice of <paramref name="buffer"/>, not a copy).</param>
    /// <param name="error">Why the stream is malformed, when the result is <see cref="FrameReadStatus.Malformed"/>.</param>
    public static FrameReadStatus TryReadFrame(
        ref ReadOnlySequence<byte> buffer,
        int maxMessageLength,
        out ReadOnlySequence<byte> frame,
        out FrameError error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageLength, HeaderLength);
        frame = default;
        error = default;

        // (a) the common header must be present
        if (buffer.Length < HeaderLength)
        {
            return FrameReadStatus.NeedMoreData;
        }

        // (b) read the Message Length, from the first segment when it holds the header
        int messageLength = ReadMessageLength(buffer);

        // (c) reject impossible or oversized lengths before waiting for the body
        if (messageLength < HeaderLength)
        {
            error = new FrameError(FrameErrorReason.LengthBelowHeader, messageLength, maxMessageLength, LengthFieldOffset);
            return FrameReadStatus.Malformed;
        }

        // the length may leave out the final padding, which must still be present (docs/protocol-notes.md §3)
        int frameLength = PaddedLength(messageLength);
        if (frameLength > maxMessageLength)
        {
            error = new FrameError(FrameErrorReason.LengthOverMaximum, messageLength, maxMessageLength, LengthFieldOffset);
            return FrameReadStatus.Malformed;
        }

        // (d) wait for the whole frame
        if (buffer.Length < frameLength)
        {
            return FrameReadStatus.NeedMoreData;
        }

        // (e) slice without copying
        frame = buffer.Slice(0, frameLength);
        buffer = buffer.Slice(frame.End);
        return FrameReadStatus.Frame;
    }

    /// <summary>
    /// Same as <see cref="TryReadFrame(ref ReadOnlySequence{byte}, int, out ReadOnlySequence{byte}, out FrameError)"/>
    /// with <see cref="WireLimits.MaxMessageLength"/> as the maximum.
    /// </summary>
    public static FrameReadStatus TryReadFrame(
        ref ReadOnlySequence<byte> buffer,
        in WireLimits limits,
        out ReadOnlySequence<byte> frame,
        out FrameError error) =>
        TryReadFrame(ref buffer, limits.MaxMessageLength, out frame, out error);

    /// <summary>Bytes a message of <paramref name="messageLength"/> occupies on the stream (rounded up to 4).</summary>
    public static int PaddedLength(int messageLength) => (messageLength + 3) & ~3;

    private static int ReadMessageLength(in ReadOnlySequence<byte> buffer)
    {
        ReadOnlySpan<byte> first = buffer.FirstSpan;
        if (first.Length >= HeaderLength)
        {
            return BinaryPrimitives.ReadUInt16BigEndian(first.Slice(LengthFieldOffset, 2));
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        return BinaryPrimitives.ReadUInt16BigEndian(header.Slice(LengthFieldOffset, 2));
    }
}
