namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// One recvmsg: <see cref="Bytes"/> read, whether they end a message (MSG_EOR) or are a notification
/// (MSG_NOTIFICATION), and the SCTP_RCVINFO of data (null for notifications or when not enabled).
/// </summary>
public readonly record struct SctpReceiveResult(SctpReceiveStatus Status, int Bytes, bool EndOfMessage, bool IsNotification,
    SctpReceiveInfo? Info, int Errno = 0);
