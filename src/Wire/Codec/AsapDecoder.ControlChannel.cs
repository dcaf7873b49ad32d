// ASAP control-channel messages and Error (RFC 5352 §2.2.11-§2.2.14).
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static partial class AsapDecoder
{
    // H(0x0B / 0x0C) [Cookie]
    private static bool TryDecodeCookie(ref DecodeContext context, AsapMessageType messageType, int start, int end, out AsapMessage? message)
    {
        message = null;
        ValueArray<byte> cookie = default;
        bool hasCookie = false;
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

            if (item.Identifier == ParameterDecoder.Cookie && !hasCookie)
            {
                if (!ParameterDecoder.TryReadCookie(ref context, item, out cookie))
                {
                    return false;
                }

                hasCookie = true;
            }
            else if (!context.HandleUnrecognized(item))
            {
                return false;
            }
        }

        if (!hasCookie)
        {
            return context.Fail(DecodeStatus.MissingParameter, end);
        }

        message = messageType == AsapMessageType.Cookie ? new AsapCookie(cookie) : new AsapCookieEcho(cookie);
        return true;
    }

    // H(0x0D) [Pool Handle] [Policy] opt [Pool Element] x N (N >= 1)
    private static bool TryDecodeBusinessCard(ref DecodeContext context, int start, int end, out AsapMessage? message)
    {
        message = null;
        if (!TryDecodeHandlePolicyElements(ref context, start, end, allowError: false, out PoolHandle handle,
                out PoolMemberSelectionPolicy? policy, out ValueArray<PoolElement> elements, out _))
        {
            return false;
        }

        if (elements.IsEmpty)
        {
            return context.Fail(DecodeStatus.MissingParameter, end);
        }

        message = new AsapBusinessCard(handle, elements, policy);
        return true;
    }

    // H(0x0E) [Operation Error]
    private static bool TryDecodeError(ref DecodeContext context, int start, int end, out AsapMessage? message)
    {
        message = null;
        if (!TryDecodeOperationErrorOnly(ref context, start, end, out OperationError? error))
        {
            return false;
        }

        message = new AsapError(error!);
        return true;
    }

    internal static bool TryDecodeOperationErrorOnly(ref DecodeContext context, int start, int end, out OperationError? error)
    {
        error = null;
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

            if (item.Identifier == ParameterDecoder.OperationError && error is null)
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

        return error is not null || context.Fail(DecodeStatus.MissingParameter, end);
    }
}
