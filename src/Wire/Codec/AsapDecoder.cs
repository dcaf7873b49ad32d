// ASAP message decoder (RFC 5352 §2.2): static, stateless, span-based.
using System.Diagnostics.CodeAnalysis;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Wire.Codec;

/// <summary>
/// Decodes one complete ASAP message (padding included). Never throws from the Try forms; the throwing forms throw
/// only <see cref="RSerPoolWireException"/>. Reads nothing outside the given span.
/// </summary>
public static partial class AsapDecoder
{
    public static bool TryDecode(ReadOnlySpan<byte> source, [NotNullWhen(true)] out AsapMessage? message, out DecodeError error) =>
        TryDecode(source, WireLimits.Default, out message, out error, out _);

    /// <param name="source">Exactly one message.</param>
    /// <param name="limits">Resource limits.</param>
    /// <param name="message">The decoded record, or null on failure.</param>
    /// <param name="error">On failure: status, offset, offending parameter and the answer to send.</param>
    /// <param name="unrecognized">Parameters to report with cause 0x0001 (action bits 11 on success;
    /// on failure also the one with action bits 01 that stopped the decode).</param>
    public static bool TryDecode(
        ReadOnlySpan<byte> source,
        in WireLimits limits,
        [NotNullWhen(true)] out AsapMessage? message,
        out DecodeError error,
        out ValueArray<UnrecognizedParameter> unrecognized)
    {
        var context = new DecodeContext(source, limits);
        bool ok = TryDecodeCore(ref context, out message);
        if (!ok)
        {
            message = null;
        }

        error = ok ? default : context.Error;
        unrecognized = MessageEnvelope.Reports(context);
        return ok;
    }

    /// <exception cref="RSerPoolWireException">The message is malformed; see <see cref="RSerPoolWireException.Error"/>.</exception>
    public static AsapMessage Decode(ReadOnlySpan<byte> source) => Decode(source, WireLimits.Default, out _);

    /// <exception cref="RSerPoolWireException">The message is malformed; see <see cref="RSerPoolWireException.Error"/>.</exception>
    public static AsapMessage Decode(ReadOnlySpan<byte> source, in WireLimits limits, out ValueArray<UnrecognizedParameter> unrecognized)
    {
        if (!TryDecode(source, limits, out AsapMessage? message, out DecodeError error, out unrecognized))
        {
            ThrowHelper.ThrowDecodeFailure(error);
        }

        return message;
    }

    private static bool TryDecodeCore(ref DecodeContext context, out AsapMessage? message)
    {
        message = null;
        if (!MessageEnvelope.TryOpen(ref context, out byte type, out byte flags, out int declaredLength))
        {
            return false;
        }

        int end = context.Message.Length;
        const int Body = MessageHeader.Size;
        switch ((AsapMessageType)type)
        {
            case AsapMessageType.Registration:
                return TryDecodeRegistration(ref context, Body, end, out message);
            case AsapMessageType.Deregistration:
            case AsapMessageType.RegistrationResponse:
            case AsapMessageType.DeregistrationResponse:
            case AsapMessageType.EndpointKeepAliveAck:
            case AsapMessageType.EndpointUnreachable:
                return TryDecodeHandleAndIdentifier(ref context, (AsapMessageType)type, flags, Body, end, out message);
            case AsapMessageType.HandleResolution:
                return TryDecodeHandleResolution(ref context, Body, end, out message);
            case AsapMessageType.HandleResolutionResponse:
                return TryDecodeHandleResolutionResponse(ref context, Body, end, out message);
            case AsapMessageType.EndpointKeepAlive:
                return MessageEnvelope.CheckFixedFields(ref context, declaredLength, Body + 4)
                    && TryDecodeEndpointKeepAlive(ref context, flags, Body, end, out message);
            case AsapMessageType.ServerAnnounce:
                return MessageEnvelope.CheckFixedFields(ref context, declaredLength, Body + 4)
                    && TryDecodeServerAnnounce(ref context, Body, end, out message);
            case AsapMessageType.Cookie:
            case AsapMessageType.CookieEcho:
                return TryDecodeCookie(ref context, (AsapMessageType)type, Body, end, out message);
            case AsapMessageType.BusinessCard:
                return TryDecodeBusinessCard(ref context, Body, end, out message);
            case AsapMessageType.Error:
                return TryDecodeError(ref context, Body, end, out message);
            default:
                return context.Fail(DecodeStatus.UnrecognizedMessageType, 0);
        }
    }
}
