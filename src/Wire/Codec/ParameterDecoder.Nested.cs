// Decoders of the parameters that contain other parameters: transports (RFC 5354 §3.3-§3.7), Pool Element (§3.10),
// Server Information (§3.11) and Operation Error (§3.12). Nested lengths include the inner padding (RFC 5354 §3).
using System.Buffers.Binary;
using System.Net;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

internal static partial class ParameterDecoder
{
    // | Type | Length | Port (16) | Use/Reserved (16) | [DCCP: Service Code (32)] | Address parameter(s) |
    public static bool TryReadTransport(ref DecodeContext context, in TlvItem item, out TransportParameter? transport)
    {
        transport = null;
        ushort identifier = item.Identifier;
        int fixedLength = identifier == DccpTransport ? 8 : 4;
        if (item.ValueLength < fixedLength)
        {
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        ReadOnlySpan<byte> value = context.Message.Slice(item.ValueOffset, fixedLength);
        ushort port = BinaryPrimitives.ReadUInt16BigEndian(value);
        ushort useOrReserved = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);

        IPAddress[] addresses = new IPAddress[1];
        int count = 0;
        var cursor = new TlvCursor(item.ValueOffset + fixedLength, item.End, item.Depth + 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem child);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                break;
            }

            if (child.Identifier is not (Ipv4Address or Ipv6Address))
            {
                if (!context.HandleUnrecognized(child))
                {
                    return false;
                }

                continue;
            }

            if (count == context.Limits.MaxAddressesPerTransport)
            {
                return context.Fail(DecodeStatus.TooManyAddresses, child.Offset, item);
            }

            if (!TryReadAddress(ref context, child, out IPAddress? address))
            {
                return false;
            }

            if (count == addresses.Length)
            {
                Array.Resize(ref addresses, count * 2);
            }

            addresses[count++] = address!;
        }

        if (count == 0)
        {
            return context.Fail(DecodeStatus.MissingParameter, item.End, item);
        }

        if (count != addresses.Length)
        {
            Array.Resize(ref addresses, count);
        }

        ValueArray<IPAddress> list = ValueArray.Wrap(addresses);
        transport = identifier switch
        {
            SctpTransport => new SctpTransport(port, (TransportUse)useOrReserved, list),
            TcpTransport => new TcpTransport(port, (TransportUse)useOrReserved, list),
            UdpTransport => new UdpTransport(port, list),
            UdpLiteTransport => new UdpLiteTransport(port, list),
            _ => new DccpTransport(port, BinaryPrimitives.ReadUInt32BigEndian(value[4..]), list),
        };
        return true;
    }

    // | 0x000A | Length | PE Identifier | Home ENRP Server ID | Registration Life | User Transport | Policy | [ASAP Transport] |
    // Liberal order (docs/protocol-notes.md §4): the first transport is the user transport, a later SCTP transport the ASAP transport;
    // the policy may stand anywhere.
    public static bool TryReadPoolElement(ref DecodeContext context, in TlvItem item, out PoolElement? element)
    {
        element = null;
        if (item.ValueLength < 12)
        {
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        ReadOnlySpan<byte> value = context.Message.Slice(item.ValueOffset, 12);
        uint identifier = BinaryPrimitives.ReadUInt32BigEndian(value);
        uint home = BinaryPrimitives.ReadUInt32BigEndian(value[4..]);
        int life = BinaryPrimitives.ReadInt32BigEndian(value[8..]);

        TransportParameter? userTransport = null;
        TransportParameter? asapTransport = null;
        PoolMemberSelectionPolicy? policy = null;
        var cursor = new TlvCursor(item.ValueOffset + 12, item.End, item.Depth + 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem child);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                break;
            }

            ushort childType = child.Identifier;
            if (IsTransport(childType) && userTransport is null)
            {
                if (!TryReadTransport(ref context, child, out userTransport))
                {
                    return false;
                }
            }
            else if (childType is SctpTransport or TcpTransport && asapTransport is null)
            {
                // RFC 5354 §3.10: SCTP; TCP for a PE speaking ASAP over TCP (docs/protocol-notes.md §2).
                if (!TryReadTransport(ref context, child, out asapTransport))
                {
                    return false;
                }
            }
            else if (childType == Policy && policy is null)
            {
                if (!TryReadPolicy(ref context, child, out policy))
                {
                    return false;
                }
            }
            else if (!context.HandleUnrecognized(child))
            {
                return false;
            }
        }

        if (userTransport is null || policy is null)
        {
            return context.Fail(DecodeStatus.MissingParameter, item.End, item);
        }

        element = new PoolElement(identifier, home, life, userTransport, policy, asapTransport);
        return true;
    }

    // | 0x000B | Length | Server Identifier (32) | SCTP Transport |
    public static bool TryReadServerInformation(ref DecodeContext context, in TlvItem item, out ServerInformation? information)
    {
        information = null;
        if (item.ValueLength < 4)
        {
            return context.Fail(DecodeStatus.InvalidParameterLength, item.Offset + 2, item);
        }

        uint serverId = BinaryPrimitives.ReadUInt32BigEndian(context.Message.Slice(item.ValueOffset, 4));
        SctpTransport? transport = null;
        var cursor = new TlvCursor(item.ValueOffset + 4, item.End, item.Depth + 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem child);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                break;
            }

            if (child.Identifier == SctpTransport && transport is null)
            {
                if (!TryReadTransport(ref context, child, out TransportParameter? sctp))
                {
                    return false;
                }

                transport = (SctpTransport)sctp!;
            }
            else if (!context.HandleUnrecognized(child))
            {
                return false;
            }
        }

        if (transport is null)
        {
            return context.Fail(DecodeStatus.MissingParameter, item.End, item);
        }

        information = new ServerInformation(serverId, transport);
        return true;
    }

    // | 0x000C | Length | cause(s): | Cause Code (16) | Cause Length (16) = 4 + info | info + padding | ... |
    // Any cause code is accepted and its information kept raw (docs/protocol-notes.md §5); zero causes are tolerated.
    public static bool TryReadOperationError(ref DecodeContext context, in TlvItem item, out OperationError? error)
    {
        error = null;
        ErrorCause[] causes = new ErrorCause[1];
        int count = 0;
        var cursor = new TlvCursor(item.ValueOffset, item.End, item.Depth + 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem cause);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                break;
            }

            if (count == causes.Length)
            {
                Array.Resize(ref causes, count * 2);
            }

            causes[count++] = new ErrorCause(
                (ErrorCauseCode)cause.RawType,
                ValueArray.Create(context.Message.Slice(cause.ValueOffset, cause.ValueLength)));
        }

        if (count != causes.Length)
        {
            Array.Resize(ref causes, count);
        }

        error = new OperationError(ValueArray.Wrap(causes));
        return true;
    }
}
