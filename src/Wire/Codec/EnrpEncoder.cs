// ENRP message encoder (RFC 5353 §2): writes exactly what RSPLIB sends. No allocation beyond the output.
using System.Buffers;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static class EnrpEncoder
{
    /// <summary>Exact number of bytes <see cref="TryEncode"/> writes for <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">The message would exceed 65535 bytes.</exception>
    public static int GetEncodedLength(EnrpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TlvWriter writer = TlvWriter.ForMeasuring();
        Write(ref writer, message);
        return writer.Position;
    }

    /// <summary>Encodes into <paramref name="destination"/>; false (nothing meaningful written) when it is too small.</summary>
    public static bool TryEncode(EnrpMessage message, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(message);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        TlvWriter writer = TlvWriter.ForWriting(destination[..length]);
        Write(ref writer, message);
        bytesWritten = writer.Position;
        return true;
    }

    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int Encode(EnrpMessage message, Span<byte> destination)
    {
        if (!TryEncode(message, destination, out int written))
        {
            ThrowHelper.ThrowDestinationTooSmall(GetEncodedLength(message), destination.Length);
        }

        return written;
    }

    /// <summary>Encodes into <paramref name="output"/> and advances it; returns the bytes written.</summary>
    public static int Encode(EnrpMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int length = GetEncodedLength(message);
        Span<byte> span = output.GetSpan(length)[..length];
        TlvWriter writer = TlvWriter.ForWriting(span);
        Write(ref writer, message);
        output.Advance(length);
        return length;
    }

    /// <summary>Convenience for tools and tests: a new array holding the message.</summary>
    public static byte[] EncodeToArray(EnrpMessage message)
    {
        var bytes = new byte[GetEncodedLength(message)];
        Encode(message, bytes);
        return bytes;
    }

    private static void Write(ref TlvWriter writer, EnrpMessage message)
    {
        byte flags = message switch
        {
            EnrpPresence { ReplyRequired: true } => EnrpPresence.ReplyRequiredFlag,
            EnrpHandleTableRequest { OwnChildrenOnly: true } => EnrpHandleTableRequest.OwnChildrenOnlyFlag,
            EnrpHandleTableResponse response =>
                (byte)((response.Rejected ? EnrpHandleTableResponse.RejectedFlag : 0) | (response.MoreToSend ? EnrpHandleTableResponse.MoreToSendFlag : 0)),
            EnrpHandleUpdate { TakeoverSuggested: true } => EnrpHandleUpdate.TakeoverSuggestedFlag,
            EnrpListResponse { Rejected: true } => EnrpListResponse.RejectedFlag,
            _ => 0,
        };

        int start = writer.BeginMessage((byte)message.Type, flags);
        writer.WriteUInt32(message.SenderServerId);
        writer.WriteUInt32(message.ReceiverServerId);
        switch (message)
        {
            // [PE Checksum] [Server Information]
            case EnrpPresence presence:
                if (presence.Checksum is { } checksum)
                {
                    ParameterEncoder.WritePeChecksum(ref writer, checksum);
                }

                if (presence.ServerInformation is not null)
                {
                    ParameterEncoder.WriteServerInformation(ref writer, presence.ServerInformation);
                }

                break;

            case EnrpHandleTableRequest:
            case EnrpListRequest:
                break;

            // ([Pool Handle] [Pool Element] x N) x pools
            case EnrpHandleTableResponse response:
                foreach (HandleTableEntry entry in response.Entries)
                {
                    ParameterEncoder.WritePoolHandle(ref writer, entry.PoolHandle);
                    foreach (PoolElement element in entry.PoolElements)
                    {
                        ParameterEncoder.WritePoolElement(ref writer, element);
                    }
                }

                break;

            // {Update Action} {Reserved} [Pool Handle] [Pool Element]
            case EnrpHandleUpdate update:
                writer.WriteUInt16((ushort)update.Action);
                writer.WriteUInt16(0);
                ParameterEncoder.WritePoolHandle(ref writer, update.PoolHandle);
                ParameterEncoder.WritePoolElement(ref writer, update.PoolElement);
                break;

            // [Server Information] x N
            case EnrpListResponse list:
                foreach (ServerInformation server in list.Servers)
                {
                    ParameterEncoder.WriteServerInformation(ref writer, server);
                }

                break;

            // {Target Server's ID}
            case EnrpInitTakeover takeover:
                writer.WriteUInt32(takeover.TargetServerId);
                break;
            case EnrpInitTakeoverAck ack:
                writer.WriteUInt32(ack.TargetServerId);
                break;
            case EnrpTakeoverServer server:
                writer.WriteUInt32(server.TargetServerId);
                break;

            // [Operation Error]
            case EnrpError error:
                ParameterEncoder.WriteOperationError(ref writer, error.Error);
                break;

            default:
                ThrowHelper.ThrowUnsupportedMessage(message);
                break;
        }

        writer.EndMessage(start);
    }
}
