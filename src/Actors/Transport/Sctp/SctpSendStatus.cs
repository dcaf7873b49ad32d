namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Outcome of one non-blocking sendmsg (SCTP sends a whole message or nothing).</summary>
public enum SctpSendStatus
{
    Sent,

    /// <summary>The send buffer is full (EAGAIN): wait until writable and try again.</summary>
    WouldBlock,

    Failed,
}
