// ENRP messages with parameters: Presence (RFC 5353 §2.1), Handle Table Response (§2.3), Handle Update (§2.4),
// List Response (§2.6).
using System.Buffers.Binary;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static partial class EnrpDecoder
{
    // H(0x01, R) {ids} [PE Checksum] [Server Information] (both accepted absent, any order)
    private static bool TryDecodePresence(ref DecodeContext context, uint sender, uint receiver, byte flags, int end, out EnrpMessage? message)
    {
        message = null;
        ushort? checksum = null;
        ServerInformation? information = null;
        var cursor = new TlvCursor(Body, end, 1);
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
            if (type == ParameterDecoder.PeChecksum && checksum is null)
            {
                if (!ParameterDecoder.TryReadPeChecksum(ref context, item, out ushort value))
                {
                    return false;
                }

                checksum = value;
            }
            else if (type == ParameterDecoder.ServerInformation && information is null)
            {
                if (!ParameterDecoder.TryReadServerInformation(ref context, item, out information))
                {
                    return false;
                }
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        message = new EnrpPresence(sender, receiver, checksum, information, (flags & EnrpPresence.ReplyRequiredFlag) != 0);
        return true;
    }

    // H(0x03, R|M) {ids} ([Pool Handle] [Pool Element] x N) x pools; R=1 normally has no entries.
    private static bool TryDecodeHandleTableResponse(
        ref DecodeContext context, uint sender, uint receiver, byte flags, int end, out EnrpMessage? message)
    {
        message = null;
        List<HandleTableEntry>? entries = null;
        bool inPool = false;
        PoolHandle currentHandle = default;
        List<PoolElement>? currentElements = null;
        var cursor = new TlvCursor(Body, end, 1);
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
            if (type == ParameterDecoder.PoolHandle)
            {
                if (inPool)
                {
                    (entries ??= []).Add(new HandleTableEntry(currentHandle, ToValueArray(currentElements)));
                    currentElements = null;
                }

                if (!ParameterDecoder.TryReadPoolHandle(ref context, item, out currentHandle))
                {
                    return false;
                }

                inPool = true;
            }
            else if (type == ParameterDecoder.PoolElement && inPool)
            {
                if (!ParameterDecoder.TryReadPoolElement(ref context, item, out PoolElement? element))
                {
                    return false;
                }

                (currentElements ??= []).Add(element!);
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        if (inPool)
        {
            (entries ??= []).Add(new HandleTableEntry(currentHandle, ToValueArray(currentElements)));
        }

        message = new EnrpHandleTableResponse(
            sender,
            receiver,
            entries is null ? default : ValueArray.Wrap(entries.ToArray()),
            (flags & EnrpHandleTableResponse.RejectedFlag) != 0,
            (flags & EnrpHandleTableResponse.MoreToSendFlag) != 0);
        return true;
    }

    // H(0x04, T) {ids} {Update Action (16)} {Reserved (16)} [Pool Handle] [Pool Element]
    private static bool TryDecodeHandleUpdate(ref DecodeContext context, uint sender, uint receiver, byte flags, int end, out EnrpMessage? message)
    {
        message = null;
        var action = (HandleUpdateAction)BinaryPrimitives.ReadUInt16BigEndian(context.Message.Slice(Body, 2));
        bool hasHandle = false;
        PoolHandle handle = default;
        PoolElement? element = null;
        var cursor = new TlvCursor(Body + 4, end, 1);
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
            else if (type == ParameterDecoder.PoolElement && element is null)
            {
                if (!ParameterDecoder.TryReadPoolElement(ref context, item, out element))
                {
                    return false;
                }
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        if (!hasHandle || element is null)
        {
            return context.Fail(DecodeStatus.MissingParameter, end);
        }

        message = new EnrpHandleUpdate(sender, receiver, action, handle, element, (flags & EnrpHandleUpdate.TakeoverSuggestedFlag) != 0);
        return true;
    }

    // H(0x06, R) {ids} [Server Information] x N (N >= 0)
    private static bool TryDecodeListResponse(ref DecodeContext context, uint sender, uint receiver, byte flags, int end, out EnrpMessage? message)
    {
        message = null;
        List<ServerInformation>? servers = null;
        var cursor = new TlvCursor(Body, end, 1);
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

            if (item.Identifier == ParameterDecoder.ServerInformation)
            {
                if (!ParameterDecoder.TryReadServerInformation(ref context, item, out ServerInformation? information))
                {
                    return false;
                }

                (servers ??= []).Add(information!);
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        message = new EnrpListResponse(
            sender,
            receiver,
            servers is null ? default : ValueArray.Wrap(servers.ToArray()),
            (flags & EnrpListResponse.RejectedFlag) != 0);
        return true;
    }

    private static ValueArray<PoolElement> ToValueArray(List<PoolElement>? elements) =>
        elements is null ? default : ValueArray.Wrap(elements.ToArray());
}
