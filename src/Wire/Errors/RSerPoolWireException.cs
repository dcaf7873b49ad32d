// The only exception the decoders throw for bad input.
namespace RSerPool.Wire.Errors;

public sealed class RSerPoolWireException : Exception
{
    public RSerPoolWireException(DecodeError error)
        : base(error.ToString()) => Error = error;

    public RSerPoolWireException()
        : this(new DecodeError(DecodeStatus.InvalidMessageLength, 0))
    {
    }

    public RSerPoolWireException(string message)
        : base(message) => Error = new DecodeError(DecodeStatus.InvalidMessageLength, 0);

    public RSerPoolWireException(string message, Exception innerException)
        : base(message, innerException) => Error = new DecodeError(DecodeStatus.InvalidMessageLength, 0);

    /// <summary>Cause, offset and the offending parameter's range.</summary>
    public DecodeError Error { get; }

    public DecodeStatus Status => Error.Status;

    public int Offset => Error.Offset;
}
