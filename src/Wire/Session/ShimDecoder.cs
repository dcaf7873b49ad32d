// PU-PE channel shim reader (services draft §5.2.1, docs/session-shim.md §2-§4): static, stateless, span-based.
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Wire.Session;

/// <summary>
/// Reads shim frames off the front of a byte stream. Resumable: after <see cref="ShimReadStatus.NeedMoreData"/> call
/// again with more bytes. Never reads outside the given span; the Try form never throws.
/// </summary>
public static class ShimDecoder
{
    /// <summary>PPID (4) + Payload Length (4).</summary>
    public const int HeaderLength = 8;

    /// <summary>Offset of the Payload Length field.</summary>
    public const int LengthFieldOffset = 4;

    /// <summary>Sequence (4) + Flags (1) + Reserved (3) in front of the application bytes of a DATA frame.</summary>
    public const int DataFixedLength = 8;

    /// <summary>The A (ack requested) bit of a DATA frame's Flags byte.</summary>
    public const byte AckRequestedFlag = 0x01;

    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |              Payload Protocol Identifier (PPID)               |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                 Payload Length (bytes that follow)            |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                  Payload (no padding) ...                     |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+

    /// <summary>Tries to read the first frame of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Unconsumed stream bytes.</param>
    /// <param name="limits">Maximum frame length and the limits of embedded ASAP messages.</param>
    /// <param name="frame">The decoded frame on <see cref="ShimReadStatus.Frame"/>, else null.</param>
    /// <param name="consumed">Bytes the frame occupied on <see cref="ShimReadStatus.Frame"/>, else 0.</param>
    /// <param name="error">Reason and offset on <see cref="ShimReadStatus.Malformed"/>.</param>
    public static ShimReadStatus TryReadFrame(
        ReadOnlySpan<byte> buffer,
        in ShimLimits limits,
        out ShimFrame? frame,
        out int consumed,
        out ShimDecodeError error)
    {
        frame = null;
        consumed = 0;
        error = default;

        // (a) the header must be present
        if (buffer.Length < HeaderLength)
        {
            return ShimReadStatus.NeedMoreData;
        }

        // (b) read PPID and length; (c) check both before waiting for the body
        uint ppid = BinaryPrimitives.ReadUInt32BigEndian(buffer);
        uint declared = BinaryPrimitives.ReadUInt32BigEndian(buffer[LengthFieldOffset..]);
        if (!TryCheckHeader(ppid, declared, limits, out error))
        {
            return ShimReadStatus.Malformed;
        }

        // (d) wait for the whole frame
        int payloadLength = (int)declared;
        if (buffer.Length - HeaderLength < payloadLength)
        {
            return ShimReadStatus.NeedMoreData;
        }

        // (e) decode the payload into an owned record
        ReadOnlySpan<byte> payload = buffer.Slice(HeaderLength, payloadLength);
        if (!TryDecodePayload((ShimPayloadProtocol)ppid, payload, limits, out frame, out error))
        {
            return ShimReadStatus.Malformed;
        }

        consumed = HeaderLength + payloadLength;
        return ShimReadStatus.Frame;
    }

    /// <summary>Reads exactly one whole frame; <paramref name="source"/> must hold nothing else.</summary>
    /// <exception cref="ShimFormatException">The frame is malformed, truncated, or followed by other bytes.</exception>
    public static ShimFrame ReadFrame(ReadOnlySpan<byte> source, in ShimLimits limits)
    {
        var status = TryReadFrame(source, limits, out ShimFrame? frame, out int consumed, out ShimDecodeError error);
        if (status == ShimReadStatus.Malformed)
        {
            ThrowFormat(error);
        }

        if (status == ShimReadStatus.NeedMoreData)
        {
            ThrowFormat(new ShimDecodeError(ShimErrorReason.PayloadTooShort, source.Length, DeclaredLength: source.Length));
        }

        if (consumed != source.Length)
        {
            ThrowFormat(new ShimDecodeError(ShimErrorReason.PayloadLengthMismatch, consumed, (uint)frame!.Protocol, source.Length));
        }

        return frame!;
    }

    /// <summary>Throwing form with the default limits.</summary>
    /// <exception cref="ShimFormatException">The frame is malformed, truncated, or followed by other bytes.</exception>
    public static ShimFrame ReadFrame(ReadOnlySpan<byte> source) => ReadFrame(source, ShimLimits.Default);

    private static bool TryCheckHeader(uint ppid, uint declared, in ShimLimits limits, out ShimDecodeError error)
    {
        error = default;
        if (declared > (uint)Math.Max(0, limits.MaxFrameLength - HeaderLength))
        {
            error = new ShimDecodeError(ShimErrorReason.LengthOverMaximum, LengthFieldOffset, ppid, declared);
            return false;
        }

        switch ((ShimPayloadProtocol)ppid)
        {
            case ShimPayloadProtocol.Asap:
                return true;
            case ShimPayloadProtocol.Data when declared < DataFixedLength:
                error = new ShimDecodeError(ShimErrorReason.PayloadTooShort, LengthFieldOffset, ppid, declared);
                return false;
            case ShimPayloadProtocol.Data:
                return true;
            case ShimPayloadProtocol.Ack when declared != 4:
            case ShimPayloadProtocol.Heartbeat when declared != 8:
            case ShimPayloadProtocol.HeartbeatAck when declared != 8:
                error = new ShimDecodeError(ShimErrorReason.PayloadLengthMismatch, LengthFieldOffset, ppid, declared);
                return false;
            case ShimPayloadProtocol.Ack or ShimPayloadProtocol.Heartbeat or ShimPayloadProtocol.HeartbeatAck:
                return true;
            default:
                error = new ShimDecodeError(ShimErrorReason.UnknownPayloadProtocol, 0, ppid, declared);
                return false;
        }
    }

    private static bool TryDecodePayload(ShimPayloadProtocol ppid, ReadOnlySpan<byte> payload, in ShimLimits limits,
        [NotNullWhen(true)] out ShimFrame? frame, out ShimDecodeError error)
    {
        error = default;
        switch (ppid)
        {
            case ShimPayloadProtocol.Asap:
                if (!AsapDecoder.TryDecode(payload, limits.AsapLimits, out AsapMessage? message, out var asapError, out _))
                {
                    frame = null;
                    error = new ShimDecodeError(ShimErrorReason.InvalidAsapMessage, HeaderLength + asapError.Offset, (uint)ppid, payload.Length, asapError);
                    return false;
                }

                frame = new ShimAsapFrame(message);
                return true;

            // DATA: | Sequence (32) | Flags (8) | Reserved (24) | application bytes |; reserved bits are ignored on receipt
            case ShimPayloadProtocol.Data:
                frame = new ShimDataFrame(
                    BinaryPrimitives.ReadUInt32BigEndian(payload),
                    (payload[4] & AckRequestedFlag) != 0,
                    ValueArray.Create(payload[DataFixedLength..]));
                return true;

            case ShimPayloadProtocol.Ack:
                frame = new ShimAckFrame(BinaryPrimitives.ReadUInt32BigEndian(payload));
                return true;

            case ShimPayloadProtocol.Heartbeat:
                frame = new ShimHeartbeatFrame(BinaryPrimitives.ReadUInt64BigEndian(payload));
                return true;

            default:
                frame = new ShimHeartbeatAckFrame(BinaryPrimitives.ReadUInt64BigEndian(payload));
                return true;
        }
    }

    [DoesNotReturn]
    private static void ThrowFormat(ShimDecodeError error) => throw new ShimFormatException(error);
}
