// ASAP message encoder (RFC 5352 §2.2): writes exactly what RSPLIB sends (parameter order, padding,
// Message Length including the last parameter's padding). No allocation beyond the output.
using System.Buffers;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static class AsapEncoder
{
    /// <summary>Exact number of bytes <see cref="TryEncode"/> writes for <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">The message would exceed 65535 bytes.</exception>
    public static int GetEncodedLength(AsapMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TlvWriter writer = TlvWriter.ForMeasuring();
        Write(ref writer, message);
        return writer.Position;
    }

    /// <summary>Encodes into <paramref name="destination"/>; false (nothing meaningful written) when it is too small.</summary>
    public static bool TryEncode(AsapMessage message, Span<byte> destination, out int bytesWritten)
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
    public static int Encode(AsapMessage message, Span<byte> destination)
    {
        if (!TryEncode(message, destination, out int written))
        {
            ThrowHelper.ThrowDestinationTooSmall(GetEncodedLength(message), destination.Length);
        }

        return written;
    }

    /// <summary>Encodes into <paramref name="output"/> and advances it; returns the bytes written.</summary>
    public static int Encode(AsapMessage message, IBufferWriter<byte> output)
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
    public static byte[] EncodeToArray(AsapMessage message)
    {
        var bytes = new byte[GetEncodedLength(message)];
        Encode(message, bytes);
        return bytes;
    }

    private static void Write(ref TlvWriter writer, AsapMessage message)
    {
        switch (message)
        {
            // H(0x01) [Pool Handle] [Pool Element]
            case AsapRegistration registration:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.Registration, 0);
                ParameterEncoder.WritePoolHandle(ref writer, registration.PoolHandle);
                ParameterEncoder.WritePoolElement(ref writer, registration.PoolElement);
                writer.EndMessage(start);
                break;
            }

            // H(0x02) [Pool Handle] [PE Identifier]
            case AsapDeregistration deregistration:
                WriteHandleAndIdentifier(ref writer, AsapMessageType.Deregistration, 0, deregistration.PoolHandle, deregistration.PoolElementIdentifier, null);
                break;

            // H(0x03, R) [Pool Handle] [PE Identifier] [Operation Error] opt
            case AsapRegistrationResponse response:
                WriteHandleAndIdentifier(
                    ref writer,
                    AsapMessageType.RegistrationResponse,
                    response.Rejected ? AsapRegistrationResponse.RejectedFlag : (byte)0,
                    response.PoolHandle,
                    response.PoolElementIdentifier,
                    response.Error);
                break;

            // H(0x04) [Pool Handle] [PE Identifier] [Operation Error] opt
            case AsapDeregistrationResponse response:
                WriteHandleAndIdentifier(ref writer, AsapMessageType.DeregistrationResponse, 0, response.PoolHandle, response.PoolElementIdentifier, response.Error);
                break;

            // H(0x05) [Pool Handle] [Handle Resolution Option] opt
            case AsapHandleResolution resolution:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.HandleResolution, 0);
                ParameterEncoder.WritePoolHandle(ref writer, resolution.PoolHandle);
                if (resolution.Items is { } items)
                {
                    ParameterEncoder.WriteHandleResolutionOption(ref writer, items);
                }

                writer.EndMessage(start);
                break;
            }

            // H(0x06) [Pool Handle] [Policy] [Pool Element] x N | [Operation Error]
            case AsapHandleResolutionResponse response:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.HandleResolutionResponse, 0);
                ParameterEncoder.WritePoolHandle(ref writer, response.PoolHandle);
                if (response.Policy is not null)
                {
                    ParameterEncoder.WritePolicy(ref writer, response.Policy);
                }

                foreach (PoolElement element in response.PoolElements)
                {
                    ParameterEncoder.WritePoolElement(ref writer, element);
                }

                if (response.Error is not null)
                {
                    ParameterEncoder.WriteOperationError(ref writer, response.Error);
                }

                writer.EndMessage(start);
                break;
            }

            // H(0x07, H) {Server Identifier} [Pool Handle] [PE Identifier] opt
            case AsapEndpointKeepAlive keepAlive:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.EndpointKeepAlive, keepAlive.HomeFlag ? AsapEndpointKeepAlive.HomeFlagBit : (byte)0);
                writer.WriteUInt32(keepAlive.ServerIdentifier);
                ParameterEncoder.WritePoolHandle(ref writer, keepAlive.PoolHandle);
                if (keepAlive.PoolElementIdentifier is { } identifier)
                {
                    ParameterEncoder.WritePeIdentifier(ref writer, identifier);
                }

                writer.EndMessage(start);
                break;
            }

            // H(0x08) [Pool Handle] [PE Identifier]
            case AsapEndpointKeepAliveAck ack:
                WriteHandleAndIdentifier(ref writer, AsapMessageType.EndpointKeepAliveAck, 0, ack.PoolHandle, ack.PoolElementIdentifier, null);
                break;

            // H(0x09) [Pool Handle] [PE Identifier]
            case AsapEndpointUnreachable unreachable:
                WriteHandleAndIdentifier(ref writer, AsapMessageType.EndpointUnreachable, 0, unreachable.PoolHandle, unreachable.PoolElementIdentifier, null);
                break;

            // H(0x0A) {Server Identifier} [Transport] x N
            case AsapServerAnnounce announce:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.ServerAnnounce, 0);
                writer.WriteUInt32(announce.ServerIdentifier);
                foreach (TransportParameter transport in announce.Transports)
                {
                    ParameterEncoder.WriteTransport(ref writer, transport);
                }

                writer.EndMessage(start);
                break;
            }

            // H(0x0B) [Cookie]
            case AsapCookie cookie:
                WriteCookieMessage(ref writer, AsapMessageType.Cookie, cookie.Cookie);
                break;

            // H(0x0C) [Cookie]
            case AsapCookieEcho echo:
                WriteCookieMessage(ref writer, AsapMessageType.CookieEcho, echo.Cookie);
                break;

            // H(0x0D) [Pool Handle] [Policy] opt [Pool Element] x N
            case AsapBusinessCard card:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.BusinessCard, 0);
                ParameterEncoder.WritePoolHandle(ref writer, card.PoolHandle);
                if (card.Policy is not null)
                {
                    ParameterEncoder.WritePolicy(ref writer, card.Policy);
                }

                foreach (PoolElement element in card.PoolElements)
                {
                    ParameterEncoder.WritePoolElement(ref writer, element);
                }

                writer.EndMessage(start);
                break;
            }

            // H(0x0E) [Operation Error]
            case AsapError error:
            {
                int start = writer.BeginMessage((byte)AsapMessageType.Error, 0);
                ParameterEncoder.WriteOperationError(ref writer, error.Error);
                writer.EndMessage(start);
                break;
            }

            default:
                ThrowHelper.ThrowUnsupportedMessage(message);
                break;
        }
    }

    private static void WriteHandleAndIdentifier(
        ref TlvWriter writer, AsapMessageType type, byte flags, PoolHandle handle, uint identifier, OperationError? error)
    {
        int start = writer.BeginMessage((byte)type, flags);
        ParameterEncoder.WritePoolHandle(ref writer, handle);
        ParameterEncoder.WritePeIdentifier(ref writer, identifier);
        if (error is not null)
        {
            ParameterEncoder.WriteOperationError(ref writer, error);
        }

        writer.EndMessage(start);
    }

    private static void WriteCookieMessage(ref TlvWriter writer, AsapMessageType type, ValueArray<byte> cookie)
    {
        int start = writer.BeginMessage((byte)type, 0);
        ParameterEncoder.WriteCookie(ref writer, cookie);
        writer.EndMessage(start);
    }
}
