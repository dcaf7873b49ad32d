using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Transport;

/// <summary>The error causes that answer a frame (RFC 5354 §3 and docs/protocol-notes.md §5, §9).</summary>
internal static class ErrorReplies
{
    /// <summary>
    /// One cause for a failed decode (if the decoder prescribes one), plus one Unrecognized Parameter cause (0x0001)
    /// with the complete TLV for each reported parameter not already covered by that cause.
    /// </summary>
    public static ValueArray<ErrorCause> Causes(ReadOnlySpan<byte> frame, in DecodeError error, ValueArray<UnrecognizedParameter> unrecognized)
    {
        var causes = new List<ErrorCause>(1 + unrecognized.Count);
        if (!error.IsSuccess && ErrorCause.ForDecodeError(error, frame) is { } decodeCause)
        {
            causes.Add(decodeCause);
        }
        foreach (var report in unrecognized)
        {
            bool alreadyReported = !error.IsSuccess && error.ResponseCause == ErrorCauseCode.UnrecognizedParameter
                && error.ParameterOffset == report.Offset;
            if (!alreadyReported && report.Offset >= 0 && report.Offset + report.Length <= frame.Length)
            {
                causes.Add(ErrorCause.UnrecognizedParameter(report.GetBytes(frame)));
            }
        }
        return ValueArray.Create<ErrorCause>(causes.ToArray());
    }
}
