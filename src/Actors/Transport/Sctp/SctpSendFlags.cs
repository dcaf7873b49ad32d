namespace RSerPool.Actors.Transport.Sctp;

/// <summary>snd_flags of struct sctp_sndinfo (RFC 6458 §5.3.4; values of linux/sctp.h).</summary>
[Flags]
public enum SctpSendFlags : ushort
{
    None = 0,

    /// <summary>SCTP_UNORDERED: deliver as soon as it arrives, outside the stream's order.</summary>
    Unordered = 0x0001,

    /// <summary>SCTP_ABORT (one-to-many only): abort the association named by snd_assoc_id; the data, if any, is the abort reason.</summary>
    Abort = 0x0004,

    /// <summary>SCTP_EOF = MSG_FIN (one-to-many only): start the graceful SHUTDOWN of that association; no data may go with it.</summary>
    EndOfFile = 0x0200,
}
