using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Transport;

/// <summary>The error causes that answer a frame (RFC 5354 §3 and docs/protocol-notes.md §5, §9).</summary>
internal static class ErrorReplies
{
    /// <summary>
    /// One cause for a failed decode (if the decoder prescribes one), plus one Unrecognized Parameter cause (0x0001)
    /// with the complete TLV for each reported parameter not already covered by that cause; the causes are cut to
    /// <see cref="ErrorCause.MaxCausesLength"/> in all, so the Error fits a message (docs/protocol-notes.md §5).
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
        return ValueArray.Create<ErrorCause>(Fitting(causes));
    }

    // The causes in order while they fit; the first that does not is cut to the room left (if it has room for any of
    // its information), the rest are left out.
    private static ErrorCause[] Fitting(List<ErrorCause> causes)
    {
        int room = ErrorCause.MaxCausesLength;
        var fitting = new List<ErrorCause>(causes.Count);
        foreach (var cause in causes)
        {
            if (cause.EncodedLength <= room)
            {
                fitting.Add(cause);
                room -= cause.EncodedLength;
                continue;
            }
            if (room >= 8)
            {
                fitting.Add(cause.CutTo((room - 4) & ~3));
            }
            break;
        }
        return fitting.ToArray();
    }
}
