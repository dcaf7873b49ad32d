using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace RSerPool.Hosts.Services;

/// <summary>
/// The files service's messages (services draft §4.3: the client resumes at the byte offset it holds after a failover).
/// Request: ASCII <c>GET name offset</c>. Answer, first byte: 'D' + offset (u64, network order) + data (one chunk);
/// 'E' + file size (u64): no data at that offset; 'X' + UTF-8 reason: refused.
/// </summary>
public static class FileTransferProtocol
{
    public const byte DataKind = (byte)'D';
    public const byte EndKind = (byte)'E';
    public const byte ErrorKind = (byte)'X';
    public const int HeaderLength = 9;

    public static byte[] EncodeRequest(string name, long offset) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"GET {name} {offset}"));

    public static bool TryDecodeRequest(ReadOnlySpan<byte> request, out string name, out long offset)
    {
        name = "";
        offset = 0;
        var parts = Encoding.UTF8.GetString(request).Split(' ');
        if (parts.Length != 3 || parts[0] != "GET" || parts[1].Length == 0
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return false;
        }
        name = parts[1];
        return true;
    }

    public static byte[] EncodeData(long offset, ReadOnlySpan<byte> data)
    {
        var message = new byte[HeaderLength + data.Length];
        message[0] = DataKind;
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(1), offset);
        data.CopyTo(message.AsSpan(HeaderLength));
        return message;
    }

    public static byte[] EncodeEnd(long size)
    {
        var message = new byte[HeaderLength];
        message[0] = EndKind;
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(1), size);
        return message;
    }

    public static byte[] EncodeError(string reason) => [ErrorKind, .. Encoding.UTF8.GetBytes(reason)];

    /// <summary>Kind byte and, for 'D'/'E', the offset/size field; false for anything too short or unknown.</summary>
    public static bool TryDecodeAnswer(ReadOnlySpan<byte> answer, out byte kind, out long offsetOrSize)
    {
        offsetOrSize = 0;
        kind = answer.IsEmpty ? (byte)0 : answer[0];
        switch (kind)
        {
            case DataKind or EndKind when answer.Length >= HeaderLength:
                offsetOrSize = BinaryPrimitives.ReadInt64BigEndian(answer[1..]);
                return offsetOrSize >= 0;
            case ErrorKind:
                return true;
            default:
                return false;
        }
    }
}
