using System.Buffers.Binary;

namespace RSerPool.Hosts.Commands.Terminal;

/// <summary>
/// RSPLIB's ping-pong protocol (rspserver -pingpong), SCTP PPID 33; big-endian:
/// <code>
/// Ping: Type=1 (1) | Flags=0 (1) | Length (2, whole message) | MessageNo (8) | data
/// Pong: Type=2 (1) | Flags=0 (1) | Length (2, whole message) | MessageNo (8, the ping's) | ReplyNo (8) | data (the ping's)
/// </code>
/// The PE counts ReplyNo per session and after each Pong sends an ASAP Cookie ("&lt;PP-TD1&gt;" + next ReplyNo, 16 bytes),
/// so a PE that gets it echoed after a failover goes on counting without a gap.
/// </summary>
public static class PingPongMessages
{
    public const uint PayloadProtocolId = 33;
    public const byte PingType = 0x01;
    public const byte PongType = 0x02;
    public const int PingHeaderLength = 12;
    public const int PongHeaderLength = 20;

    public static byte[] EncodePing(ulong messageNumber, ReadOnlySpan<byte> data)
    {
        int length = PingHeaderLength + data.Length;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException($"A ping carries at most {ushort.MaxValue - PingHeaderLength} bytes of data; got {data.Length}.", nameof(data));
        }
        var message = new byte[length];
        message[0] = PingType;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)length);
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(4), messageNumber);
        data.CopyTo(message.AsSpan(PingHeaderLength));
        return message;
    }

    /// <summary>A Pong's numbers and data; false for anything else (too short, another type, a length beyond the bytes).</summary>
    public static bool TryDecodePong(ReadOnlySpan<byte> message, out ulong messageNumber, out ulong replyNumber, out ReadOnlySpan<byte> data)
    {
        messageNumber = replyNumber = 0;
        data = default;
        if (message.Length < PongHeaderLength || message[0] != PongType)
        {
            return false;
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if (length < PongHeaderLength || length > message.Length)
        {
            return false;
        }
        messageNumber = BinaryPrimitives.ReadUInt64BigEndian(message[4..]);
        replyNumber = BinaryPrimitives.ReadUInt64BigEndian(message[12..]);
        data = message[PongHeaderLength..length];
        return true;
    }
}
