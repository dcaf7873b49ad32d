// The only exception the throwing shim read raises for bad input.
namespace RSerPool.Wire.Session;

public sealed class ShimFormatException : Exception
{
    public ShimFormatException(ShimDecodeError error)
        : base(error.ToString()) => Error = error;

    public ShimFormatException()
        : this(new ShimDecodeError(ShimErrorReason.PayloadTooShort, 0))
    {
    }

    public ShimFormatException(string message)
        : base(message) => Error = new ShimDecodeError(ShimErrorReason.PayloadTooShort, 0);

    public ShimFormatException(string message, Exception innerException)
        : base(message, innerException) => Error = new ShimDecodeError(ShimErrorReason.PayloadTooShort, 0);

    /// <summary>Reason and offset.</summary>
    public ShimDecodeError Error { get; }

    public ShimErrorReason Reason => Error.Reason;

    public int Offset => Error.Offset;
}
