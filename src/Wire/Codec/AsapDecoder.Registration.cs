// ASAP registration family (RFC 5352 §2.2.1-§2.2.4) and the other
// "[Pool Handle] [PE Identifier]" messages (§2.2.8 Keep Alive Ack, §2.2.9 Endpoint Unreachable).
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static partial class AsapDecoder
{
    // H(0x01) [Pool Handle] [Pool Element]
    private static bool TryDecodeRegistration(ref DecodeContext context, int start, int end, out AsapMessage? message)
    {
        message = null;
        bool hasHandle = false;
        PoolHandle handle = default;
        PoolElement? element = null;
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

        message = new AsapRegistration(handle, element);
        return true;
    }

    // H(type) [Pool Handle] [PE Identifier] [Operation Error] (error only in the two responses)
    private static bool TryDecodeHandleAndIdentifier(
        ref DecodeContext context, AsapMessageType messageType, byte flags, int start, int end, out AsapMessage? message)
    {
        message = null;
        bool errorAllowed = messageType is AsapMessageType.RegistrationResponse or AsapMessageType.DeregistrationResponse;
        bool hasHandle = false;
        bool hasIdentifier = false;
        PoolHandle handle = default;
        uint identifier = 0;
        OperationError? error = null;
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
            else if (type == ParameterDecoder.PeIdentifier && !hasIdentifier)
            {
                if (!ParameterDecoder.TryReadUInt32Parameter(ref context, item, out identifier))
                {
                    return false;
                }

                hasIdentifier = true;
            }
            else if (type == ParameterDecoder.OperationError && errorAllowed && error is null)
            {
                if (!ParameterDecoder.TryReadOperationError(ref context, item, out error))
                {
                    return false;
                }
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        if (!hasHandle || !hasIdentifier)
        {
            return context.Fail(DecodeStatus.MissingParameter, end);
        }

        message = messageType switch
        {
            AsapMessageType.Deregistration => new AsapDeregistration(handle, identifier),
            AsapMessageType.RegistrationResponse =>
                new AsapRegistrationResponse(handle, identifier, (flags & AsapRegistrationResponse.RejectedFlag) != 0, error),
            AsapMessageType.DeregistrationResponse => new AsapDeregistrationResponse(handle, identifier, error),
            AsapMessageType.EndpointKeepAliveAck => new AsapEndpointKeepAliveAck(handle, identifier),
            _ => new AsapEndpointUnreachable(handle, identifier),
        };
        return true;
    }
}
