namespace RSerPool.Actors.Transport.Sctp;

/// <summary>Outcome of one non-blocking recvmsg.</summary>
public enum SctpReceiveStatus
{
    /// <summary>Bytes arrived (data or a notification; see <see cref="SctpReceiveResult"/>).</summary>
    Received,

    /// <summary>Nothing to read now (EAGAIN).</summary>
    WouldBlock,

    /// <summary>The association ended: recvmsg returned 0.</summary>
    Closed,

    /// <summary>recvmsg failed (<see cref="SctpReceiveResult.Errno"/>).</summary>
    Failed,
}
