// PU-PE channel shim writer (docs/session-shim.md §2-§3).
using System.Buffers.Binary;
using RSerPool.Wire.Codec;

namespace RSerPool.Wire.Session;

/// <summary>Encodes shim frames: 8-byte header (PPID, Payload Length) followed by the payload, no padding.</summary>
public static class ShimEncoder
{
    /// <summary>Bytes <paramref name="frame"/> occupies on the wire.</summary>
    public static int GetEncodedLength(ShimFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return ShimDecoder.HeaderLength + GetPayloadLength(frame);
    }

    /// <summary>Writes <paramref name="frame"/> to the start of <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public static int Encode(ShimFrame frame, Span<byte> destination)
    {
        int payloadLength = GetPayloadLength(frame);
        int total = ShimDecoder.HeaderLength + payloadLength;
        if (destination.Length < total)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the frame needs {total}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)frame.Protocol);
        BinaryPrimitives.WriteUInt32BigEndian(destination[ShimDecoder.LengthFieldOffset..], (uint)payloadLength);
        Span<byte> payload = destination.Slice(ShimDecoder.HeaderLength, payloadLength);
        switch (frame)
        {
            case ShimAsapFrame asap:
                AsapEncoder.Encode(asap.Message, payload);
                break;
            case ShimDataFrame data:
                BinaryPrimitives.WriteUInt32BigEndian(payload, data.Sequence);
                payload[4] = data.AckRequested ? ShimDecoder.AckRequestedFlag : (byte)0;
                payload.Slice(5, 3).Clear();
                data.Payload.AsSpan().CopyTo(payload[ShimDecoder.DataFixedLength..]);
                break;
            case ShimAckFrame ack:
                BinaryPrimitives.WriteUInt32BigEndian(payload, ack.Sequence);
                break;
            case ShimHeartbeatFrame heartbeat:
                BinaryPrimitives.WriteUInt64BigEndian(payload, heartbeat.Nonce);
                break;
            case ShimHeartbeatAckFrame heartbeatAck:
                BinaryPrimitives.WriteUInt64BigEndian(payload, heartbeatAck.Nonce);
                break;
        }

        return total;
    }

    /// <summary>Encodes <paramref name="frame"/> into a new array.</summary>
    public static byte[] EncodeToArray(ShimFrame frame)
    {
        var bytes = new byte[GetEncodedLength(frame)];
        Encode(frame, bytes);
        return bytes;
    }

    private static int GetPayloadLength(ShimFrame frame) => frame switch
    {
        ShimAsapFrame asap => AsapEncoder.GetEncodedLength(asap.Message),
        ShimDataFrame data => ShimDecoder.DataFixedLength + data.Payload.Count,
        ShimAckFrame => 4,
        ShimHeartbeatFrame or ShimHeartbeatAckFrame => 8,
        _ => throw new ArgumentException($"Unknown shim frame {frame.GetType().Name}.", nameof(frame)),
    };
}
