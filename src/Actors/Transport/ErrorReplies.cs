using RSerPool.Wire;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Transport;

/// <summary>The error causes that answer a frame (RFC 5354 §3 and docs/protocol-notes.md §5, §9).</summary>
internal static class ErrorReplies
{
    private const int MaxMessageLength = ushort.MaxValue;
    private const int TlvHeaderLength = 4;

    /// <summary>
    /// One cause for a failed decode (if the decoder prescribes one), plus one Unrecognized Parameter cause (0x0001)
    /// with the complete TLV for each reported parameter not already covered by that cause. The answer must fit the
    /// 16-bit Message Length with a header of <paramref name="headerLength"/> bytes (ASAP 4, ENRP 12): a cause whose
    /// information would not fit carries its first bytes only, and causes beyond the room are left out.
    /// </summary>
    public static ValueArray<ErrorCause> Causes(ReadOnlySpan<byte> frame, in DecodeError error, ValueArray<UnrecognizedParameter> unrecognized, int headerLength)
    {
        var causes = new List<ErrorCause>(1 + unrecognized.Count);
        int room = MaxMessageLength - headerLength - TlvHeaderLength;   // after the Operation Error parameter's header
        if (!error.IsSuccess && ErrorCause.ForDecodeError(error, frame) is { } decodeCause)
        {
            Add(causes, decodeCause, ref room);
        }
        foreach (var report in unrecognized)
        {
            bool alreadyReported = !error.IsSuccess && error.ResponseCause == ErrorCauseCode.UnrecognizedParameter
                && error.ParameterOffset == report.Offset;
            if (!alreadyReported && report.Offset >= 0 && report.Offset + report.Length <= frame.Length)
            {
                Add(causes, ErrorCause.UnrecognizedParameter(report.GetBytes(frame)), ref room);
            }
        }
        return ValueArray.Create<ErrorCause>(causes.ToArray());
    }

    // Each cause takes its header and its information padded to 4 bytes (RFC 5354 §3.12).
    private static void Add(List<ErrorCause> causes, ErrorCause cause, ref int room)
    {
        int fits = (room - TlvHeaderLength) & ~3;
        if (fits < 0)
        {
            return;
        }

        cause = cause.CutTo(fits);
        causes.Add(cause);
        room -= cause.EncodedLength;
    }
}
