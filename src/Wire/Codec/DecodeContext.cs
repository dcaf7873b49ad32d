// State of one decode call: the message, the limits, the first error and the cause-0x0001 reports (RFC 5354 §3).
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Wire.Codec;

internal ref struct DecodeContext
{
    public DecodeContext(ReadOnlySpan<byte> message, in WireLimits limits)
    {
        Message = message;
        Limits = limits;
    }

    public ReadOnlySpan<byte> Message { get; }

    public WireLimits Limits { get; }

    public DecodeError Error { get; private set; }

    public List<UnrecognizedParameter>? Reports { get; private set; }

    public int ParameterCount { get; set; }

    public bool Fail(DecodeStatus status, int offset)
    {
        Error = new DecodeError(status, offset);
        return false;
    }

    public bool Fail(DecodeStatus status, int offset, in TlvItem parameter)
    {
        Error = new DecodeError(status, offset, parameter.Offset, parameter.Length, parameter.RawType);
        return false;
    }

    /// <summary>
    /// A parameter that is unknown, or known but not allowed where it stands, is treated by its action bits
    /// (RFC 5354 §3; RSPLIB treats an unexpected known parameter like an unknown one). Returns false to stop.
    /// </summary>
    public bool HandleUnrecognized(in TlvItem item)
    {
        switch (ParameterTypes.UnrecognizedAction(item.RawType))
        {
            case UnrecognizedParameterAction.StopAndDiscard:
                return Fail(DecodeStatus.UnrecognizedParameter, item.Offset, item);
            case UnrecognizedParameterAction.StopDiscardAndReport:
                AddReport(item);
                return Fail(DecodeStatus.UnrecognizedParameterReported, item.Offset, item);
            case UnrecognizedParameterAction.SkipAndReport:
                AddReport(item);
                return true;
            default:
                return true;
        }
    }

    private void AddReport(in TlvItem item) =>
        (Reports ??= []).Add(new UnrecognizedParameter(item.RawType, item.Offset, item.Length));
}
