// Operation Error parameter (RFC 5354 §3.12, docs/protocol-notes.md §4): | 0x000C | Length | error cause(s), each padded |
namespace RSerPool.Wire.Parameters;

/// <summary>One or more error causes (RSPLIB always sends exactly one).</summary>
public sealed record OperationError(ValueArray<ErrorCause> Causes)
{
    public OperationError(ErrorCause cause)
        : this([cause])
    {
    }
}
