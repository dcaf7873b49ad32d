// A failed shim read: reason and byte offset (docs/session-shim.md §4).
using RSerPool.Wire.Errors;

namespace RSerPool.Wire.Session;

/// <summary>
/// Why and where a shim frame could not be read. <see cref="Offset"/> is counted from the first byte of the frame
/// (its PPID field); for <see cref="ShimErrorReason.InvalidAsapMessage"/> it is 8 plus the ASAP decoder's offset.
/// </summary>
public readonly record struct ShimDecodeError(ShimErrorReason Reason, int Offset, uint Ppid = 0, long DeclaredLength = 0, DecodeError AsapError = default)
{
    public static ShimDecodeError None => default;

    public bool IsError => Reason != ShimErrorReason.None;

    public override string ToString() => Reason switch
    {
        ShimErrorReason.None => "no error",
        ShimErrorReason.InvalidAsapMessage => $"{Reason} at offset {Offset} (ASAP: {AsapError})",
        _ => $"{Reason} at offset {Offset} (PPID 0x{Ppid:x8}, length {DeclaredLength})",
    };
}
