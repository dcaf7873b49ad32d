// ASAP keep-alive and announce: messages with a fixed Server Identifier field after the header
// (RFC 5352 §2.2.7, §2.2.10).
using System.Buffers.Binary;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static partial class AsapDecoder
{
    // H(0x07, H) {Server Identifier} [Pool Handle] [PE Identifier] opt (both forms accepted)
    private static bool TryDecodeEndpointKeepAlive(ref DecodeContext context, byte flags, int start, int end, out AsapMessage? message)
    {
        message = null;
        uint serverId = BinaryPrimitives.ReadUInt32BigEndian(context.Message.Slice(start, 4));
        bool hasHandle = false;
        PoolHandle handle = default;
        uint? identifier = null;
        var cursor = new TlvCursor(start + 4, end, 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem item);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                break;
            }

            ushort type = item.Identifier;
            if (type == ParameterDecoder.PoolHandle && !hasHandle)
            {
                if (!ParameterDecoder.TryReadPoolHandle(ref context, item, out handle))
                {
                    return false;
                }

                hasHandle = true;
            }
            else if (type == ParameterDecoder.PeIdentifier && identifier is null)
            {
                if (!ParameterDecoder.TryReadUInt32Parameter(ref context, item, out uint value))
                {
                    return false;
                }

                identifier = value;
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        if (!hasHandle)
        {
            return context.Fail(DecodeStatus.MissingParameter, end);
        }

        message = new AsapEndpointKeepAlive(serverId, handle, identifier, (flags & AsapEndpointKeepAlive.HomeFlagBit) != 0);
        return true;
    }

    // H(0x0A) {Server Identifier} [Transport] x N (N >= 0)
    private static bool TryDecodeServerAnnounce(ref DecodeContext context, int start, int end, out AsapMessage? message)
    {
        message = null;
        uint serverId = BinaryPrimitives.ReadUInt32BigEndian(context.Message.Slice(start, 4));
        TransportParameter[]? buffer = null;
        int count = 0;
        var cursor = new TlvCursor(start + 4, end, 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem item);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                break;
            }

            if (ParameterDecoder.IsTransport(item.Identifier))
            {
                if (!ParameterDecoder.TryReadTransport(ref context, item, out TransportParameter? transport))
                {
                    return false;
                }

                buffer ??= new TransportParameter[2];
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, count * 2);
                }

                buffer[count++] = transport!;
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        ValueArray<TransportParameter> transports = default;
        if (buffer is not null)
        {
            Array.Resize(ref buffer, count);
            transports = ValueArray.Wrap(buffer);
        }

        message = new AsapServerAnnounce(serverId, transports);
        return true;
    }
}
