// ASAP handle resolution (RFC 5352 §2.2.5/§2.2.6).
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

public static partial class AsapDecoder
{
    // H(0x05) [Pool Handle] [Handle Resolution Option 0x803F] opt
    private static bool TryDecodeHandleResolution(ref DecodeContext context, int start, int end, out AsapMessage? message)
    {
        message = null;
        bool hasHandle = false;
        PoolHandle handle = default;
        uint? items = null;
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
            else if (type == ParameterDecoder.HandleResolutionOption && items is null)
            {
                if (!ParameterDecoder.TryReadUInt32Parameter(ref context, item, out uint value))
                {
                    return false;
                }

                items = value;
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

        message = new AsapHandleResolution(handle, items);
        return true;
    }

    // success: H(0x06) [Pool Handle] [Policy] [Pool Element] x N; failure: H(0x06) [Pool Handle] [Operation Error]
    private static bool TryDecodeHandleResolutionResponse(ref DecodeContext context, int start, int end, out AsapMessage? message)
    {
        message = null;
        if (!TryDecodeHandlePolicyElements(ref context, start, end, allowError: true, out PoolHandle handle,
                out PoolMemberSelectionPolicy? policy, out ValueArray<PoolElement> elements, out OperationError? error))
        {
            return false;
        }

        message = new AsapHandleResolutionResponse(handle, policy, elements, error);
        return true;
    }

    // [Pool Handle] [Policy] opt [Pool Element] x N [Operation Error] opt, in any unambiguous order (docs/protocol-notes.md §4).
    private static bool TryDecodeHandlePolicyElements(
        ref DecodeContext context,
        int start,
        int end,
        bool allowError,
        out PoolHandle handle,
        out PoolMemberSelectionPolicy? policy,
        out ValueArray<PoolElement> elements,
        out OperationError? error)
    {
        handle = default;
        policy = null;
        elements = default;
        error = null;
        bool hasHandle = false;
        PoolElement[]? buffer = null;
        int count = 0;
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
            else if (type == ParameterDecoder.Policy && policy is null)
            {
                if (!ParameterDecoder.TryReadPolicy(ref context, item, out policy))
                {
                    return false;
                }
            }
            else if (type == ParameterDecoder.PoolElement)
            {
                if (!ParameterDecoder.TryReadPoolElement(ref context, item, out PoolElement? element))
                {
                    return false;
                }

                buffer ??= new PoolElement[4];
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, count * 2);
                }

                buffer[count++] = element!;
            }
            else if (type == ParameterDecoder.OperationError && allowError && error is null)
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

        if (!hasHandle)
        {
            return context.Fail(DecodeStatus.MissingParameter, end);
        }

        if (buffer is not null)
        {
            if (count != buffer.Length)
            {
                Array.Resize(ref buffer, count);
            }

            elements = ValueArray.Wrap(buffer);
        }

        return true;
    }
}
