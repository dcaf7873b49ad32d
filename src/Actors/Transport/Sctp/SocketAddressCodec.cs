using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// struct sockaddr_in (16 bytes) and sockaddr_in6 (28 bytes) as Linux lays them out: family in host order, port and
/// IPv4 address in network order, IPv6 flow info, address, scope id.
/// </summary>
internal static class SocketAddressCodec
{
    public const int MaxLength = 28;
    private const int InetLength = 16;
    private const int Inet6Length = 28;

    public static byte[] Encode(IPEndPoint endpoint)
    {
        bool v6 = endpoint.AddressFamily == AddressFamily.InterNetworkV6;
        var bytes = new byte[v6 ? Inet6Length : InetLength];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 2), (ushort)(v6 ? SctpNative.AfInet6 : SctpNative.AfInet));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)endpoint.Port);
        if (v6)
        {
            endpoint.Address.TryWriteBytes(bytes.AsSpan(8, 16), out _);
            BitConverter.TryWriteBytes(bytes.AsSpan(24, 4), (uint)endpoint.Address.ScopeId);
        }
        else
        {
            endpoint.Address.TryWriteBytes(bytes.AsSpan(4, 4), out _);
        }
        return bytes;
    }

    public static IPEndPoint? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2)
        {
            return null;
        }
        int family = BitConverter.ToUInt16(bytes[..2]);
        if (family == SctpNative.AfInet && bytes.Length >= InetLength)
        {
            return new IPEndPoint(new IPAddress(bytes.Slice(4, 4)), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]));
        }
        if (family == SctpNative.AfInet6 && bytes.Length >= Inet6Length)
        {
            long scope = BitConverter.ToUInt32(bytes.Slice(24, 4));
            return new IPEndPoint(new IPAddress(bytes.Slice(8, 16), scope), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]));
        }
        return null;
    }
}
