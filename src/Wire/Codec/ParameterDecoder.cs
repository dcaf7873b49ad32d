// Decoders of the single parameters (RFC 5354 §3, docs/protocol-notes.md §4). Each takes a located TLV and either produces the
// value or records the error in the context and returns false.
using System.Buffers.Binary;
using System.Net;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

internal static partial class ParameterDecoder
{
    internal const ushort Ipv4Address = (ushort)ParameterType.Ipv4Address;
    internal const ushort Ipv6Address = (ushort)ParameterType.Ipv6Address;
    internal const ushort DccpTransport = (ushort)ParameterType.DccpTransport;
    internal const ushort SctpTransport = (ushort)ParameterType.SctpTransport;
    internal const ushort TcpTransport = (ushort)ParameterType.TcpTransport;
    internal const ushort UdpTransport = (ushort)ParameterType.UdpTransport;
    internal const ushort UdpLiteTransport = (ushort)ParameterType.UdpLiteTransport;
    internal const ushort Policy = (ushort)ParameterType.PoolMemberSelectionPolicy;
    internal const ushort PoolHandle = (ushort)ParameterType.PoolHandle;
    internal const ushort PoolElement = (ushort)ParameterType.PoolElement;
    internal const ushort ServerInformation = (ushort)ParameterType.ServerInformation;
    internal const ushort OperationError = (ushort)ParameterType.OperationError;
    internal const ushort Cookie = (ushort)ParameterType.Cookie;
    internal const ushort PeIdentifier = (ushort)ParameterType.PeIdentifier;
    internal const ushort PeChecksum = (ushort)ParameterType.PeChecksum;
    internal const ushort HandleResolutionOption = (ushort)ParameterType.HandleResolutionOption & ParameterTypes.IdentifierMask;

    public static bool IsTransport(ushort identifier) => identifier is >= DccpTransport and <= UdpLiteTransport;

    // Pool Handle (0x0009): at least one byte (docs/protocol-notes.md §4).
    public static bool TryReadPoolHandle(ref DecodeContext context, in TlvItem item, out PoolHandle handle)
    {
        if (item.ValueLength < 1)
        {
            handle = default;
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        handle = new PoolHandle(context.Message.Slice(item.ValueOffset, item.ValueLength));
        return true;
    }

    // Cookie (0x000D): at least one opaque byte (docs/protocol-notes.md §4).
    public static bool TryReadCookie(ref DecodeContext context, in TlvItem item, out ValueArray<byte> cookie)
    {
        if (item.ValueLength < 1)
        {
            cookie = default;
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        cookie = ValueArray.Create(context.Message.Slice(item.ValueOffset, item.ValueLength));
        return true;
    }

    // PE Identifier (0x000E): length exactly 8. Handle Resolution Option (0x803F): length exactly 8.
    public static bool TryReadUInt32Parameter(ref DecodeContext context, in TlvItem item, out uint value)
    {
        if (item.Length != 8)
        {
            value = 0;
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(context.Message.Slice(item.ValueOffset, 4));
        return true;
    }

    // PE Checksum (0x000F): length exactly 6, two padding bytes follow (docs/protocol-notes.md §4).
    public static bool TryReadPeChecksum(ref DecodeContext context, in TlvItem item, out ushort checksum)
    {
        if (item.Length != 6)
        {
            checksum = 0;
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        checksum = BinaryPrimitives.ReadUInt16BigEndian(context.Message.Slice(item.ValueOffset, 2));
        return true;
    }

    // IPv4 Address (0x0001): length 8; IPv6 Address (0x0002): length 20.
    public static bool TryReadAddress(ref DecodeContext context, in TlvItem item, out IPAddress? address)
    {
        int expected = item.Identifier == Ipv4Address ? 8 : 20;
        if (item.Length != expected)
        {
            address = null;
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        address = new IPAddress(context.Message.Slice(item.ValueOffset, item.ValueLength));
        return true;
    }

    // Pool Member Selection Policy (0x0008), docs/protocol-notes.md §13: value part shorter than the layout is an error,
    // extra bytes are kept; codes without layout are kept as opaque bytes.
    public static bool TryReadPolicy(ref DecodeContext context, in TlvItem item, out PoolMemberSelectionPolicy? policy)
    {
        policy = null;
        if (item.ValueLength < 4)
        {
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        ReadOnlySpan<byte> value = context.Message.Slice(item.ValueOffset, item.ValueLength);
        var type = (PolicyType)BinaryPrimitives.ReadUInt32BigEndian(value);
        ReadOnlySpan<byte> rest = value[4..];
        if (!PolicyLayout.TryGet(type, out ReadOnlySpan<PolicyValueKind> layout))
        {
            policy = new PoolMemberSelectionPolicy(type, default, ValueArray.Create(rest));
            return true;
        }

        int needed = 4 * layout.Length;
        if (rest.Length < needed)
        {
            return context.Fail(DecodeStatus.PolicyTooShort, item.ValueOffset + 4 + rest.Length, item);
        }

        ValueArray<uint> values = default;
        if (layout.Length > 0)
        {
            var array = new uint[layout.Length];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = BinaryPrimitives.ReadUInt32BigEndian(rest[(4 * i)..]);
            }

            values = ValueArray.Wrap(array);
        }

        ValueArray<byte> trailing = rest.Length > needed ? ValueArray.Create(rest[needed..]) : default;
        policy = new PoolMemberSelectionPolicy(type, values, trailing);
        return true;
    }
}
