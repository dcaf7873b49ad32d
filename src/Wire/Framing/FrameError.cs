namespace RSerPool.Wire.Framing;

/// <summary>
/// Details of a <see cref="FrameReadStatus.Malformed"/> result: the reason, the declared Message Length and
/// the byte offset of the offending field, counted from the start of the frame that could not be read.
/// </summary>
public readonly record struct FrameError(FrameErrorReason Reason, int DeclaredLength, int MaximumLength, int Offset)
{
    /// <summary>True when this value describes an actual error.</summary>
    public bool IsError => Reason != FrameErrorReason.None;

    /// <inheritdoc />
    public override string ToString() => Reason switch
    {
        FrameErrorReason.None => "no error",
        FrameErrorReason.LengthBelowHeader =>
            $"message length {DeclaredLength} is below the 4-byte common header (offset {Offset})",
        FrameErrorReason.LengthOverMaximum =>
            $"message length {DeclaredLength} (padded to 4) exceeds the maximum of {MaximumLength} (offset {Offset})",
        _ => $"{Reason} (length {DeclaredLength}, offset {Offset})",
    };
}
