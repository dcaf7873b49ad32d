// The two action bits of a parameter type (RFC 5354 §3).
namespace RSerPool.Wire.Parameters;

public enum UnrecognizedParameterAction
{
    /// <summary>00: stop processing, discard the message, report nothing.</summary>
    StopAndDiscard = 0,

    /// <summary>01: stop processing, discard the message, report with cause 0x0001.</summary>
    StopDiscardAndReport = 1,

    /// <summary>10: skip the parameter and continue.</summary>
    Skip = 2,

    /// <summary>11: skip the parameter, continue, and report it with cause 0x0001.</summary>
    SkipAndReport = 3,
}
