// ENRP message decoder (RFC 5353 §2): static, stateless, span-based.
// Every ENRP message: | Type | Flags | Length | Sender Server's ID (32) | Receiver Server's ID (32) | ...
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

/// <summary>
/// Decodes one complete ENRP message (padding included). Never throws from the Try forms; the throwing forms throw
/// only <see cref="RSerPoolWireException"/>. Reads nothing outside the given span.
/// </summary>
public static partial class EnrpDecoder
{
    private const int Body = MessageHeader.Size + 8;

    public static bool TryDecode(ReadOnlySpan<byte> source, [NotNullWhen(true)] out EnrpMessage? message, out DecodeError error) =>
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
        [NotNullWhen(true)] out EnrpMessage? message,
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
    public static EnrpMessage Decode(ReadOnlySpan<byte> source) => Decode(source, WireLimits.Default, out _);

    /// <exception cref="RSerPoolWireException">The message is malformed; see <see cref="RSerPoolWireException.Error"/>.</exception>
    public static EnrpMessage Decode(ReadOnlySpan<byte> source, in WireLimits limits, out ValueArray<UnrecognizedParameter> unrecognized)
    {
        if (!TryDecode(source, limits, out EnrpMessage? message, out DecodeError error, out unrecognized))
        {
            ThrowHelper.ThrowDecodeFailure(error);
        }

        return message;
    }

    private static bool TryDecodeCore(ref DecodeContext context, out EnrpMessage? message)
    {
        message = null;
        if (!MessageEnvelope.TryOpen(ref context, out byte type, out byte flags, out int declaredLength))
        {
            return false;
        }

        var messageType = (EnrpMessageType)type;
        if (messageType is < EnrpMessageType.Presence or > EnrpMessageType.Error)
        {
            return context.Fail(DecodeStatus.UnrecognizedMessageType, 0);
        }

        int fixedLength = messageType switch
        {
            EnrpMessageType.HandleUpdate or EnrpMessageType.InitTakeover or EnrpMessageType.InitTakeoverAck
                or EnrpMessageType.TakeoverServer => Body + 4,
            _ => Body,
        };
        if (!MessageEnvelope.CheckFixedFields(ref context, declaredLength, fixedLength))
        {
            return false;
        }

        ReadOnlySpan<byte> ids = context.Message.Slice(MessageHeader.Size, 8);
        uint sender = BinaryPrimitives.ReadUInt32BigEndian(ids);
        uint receiver = BinaryPrimitives.ReadUInt32BigEndian(ids[4..]);
        int end = context.Message.Length;
        switch (messageType)
        {
            case EnrpMessageType.Presence:
                return TryDecodePresence(ref context, sender, receiver, flags, end, out message);
            case EnrpMessageType.HandleTableRequest:
                return TryDecodeNoParameters(ref context, Body, end)
                    && Assign(new EnrpHandleTableRequest(sender, receiver, (flags & EnrpHandleTableRequest.OwnChildrenOnlyFlag) != 0), out message);
            case EnrpMessageType.HandleTableResponse:
                return TryDecodeHandleTableResponse(ref context, sender, receiver, flags, end, out message);
            case EnrpMessageType.HandleUpdate:
                return TryDecodeHandleUpdate(ref context, sender, receiver, flags, end, out message);
            case EnrpMessageType.ListRequest:
                return TryDecodeNoParameters(ref context, Body, end) && Assign(new EnrpListRequest(sender, receiver), out message);
            case EnrpMessageType.ListResponse:
                return TryDecodeListResponse(ref context, sender, receiver, flags, end, out message);
            case EnrpMessageType.Error:
                if (!AsapDecoder.TryDecodeOperationErrorOnly(ref context, Body, end, out OperationError? error))
                {
                    return false;
                }

                message = new EnrpError(sender, receiver, error!);
                return true;
            default:
                return TryDecodeTakeover(ref context, messageType, sender, receiver, end, out message);
        }
    }

    private static bool Assign(EnrpMessage value, out EnrpMessage? message)
    {
        message = value;
        return true;
    }

    // Messages without parameters: anything present is handled by its action bits.
    private static bool TryDecodeNoParameters(ref DecodeContext context, int start, int end)
    {
        var cursor = new TlvCursor(start, end, 1);
        while (true)
        {
            TlvStep step = cursor.Next(ref context, out TlvItem item);
            if (step == TlvStep.Failed)
            {
                return false;
            }

            if (step == TlvStep.End)
            {
                return true;
            }

            if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }
    }

    // H(0x07/0x08/0x09) {Sender ID} {Receiver ID} {Target Server's ID}
    private static bool TryDecodeTakeover(
        ref DecodeContext context, EnrpMessageType messageType, uint sender, uint receiver, int end, out EnrpMessage? message)
    {
        message = null;
        uint target = BinaryPrimitives.ReadUInt32BigEndian(context.Message.Slice(Body, 4));
        if (!TryDecodeNoParameters(ref context, Body + 4, end))
        {
            return false;
        }

        message = messageType switch
        {
            EnrpMessageType.InitTakeover => new EnrpInitTakeover(sender, receiver, target),
            EnrpMessageType.InitTakeoverAck => new EnrpInitTakeoverAck(sender, receiver, target),
            _ => new EnrpTakeoverServer(sender, receiver, target),
        };
        return true;
    }
}
