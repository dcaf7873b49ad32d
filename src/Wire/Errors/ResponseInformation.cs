// What the cause-specific information of the answer to a failed decode holds (docs/protocol-notes.md §5).
namespace RSerPool.Wire.Errors;

public enum ResponseInformation
{
    /// <summary>No information (the cause is sent alone, or nothing is sent at all).</summary>
    None = 0,

    /// <summary>The offending parameter, complete TLV (<see cref="DecodeError.ParameterOffset"/>, <see cref="DecodeError.ParameterLength"/>).</summary>
    OffendingParameter,

    /// <summary>The whole received message (cause 0x0002 Unrecognized Message).</summary>
    WholeMessage,
}
