namespace RSerPool.Actors.Session;

/// <summary>
/// When an SCTP session connection acknowledges an ack-requested message to its session. SCTP itself has no
/// upper-layer acknowledgement and RSPLIB sends none (docs/protocol-notes.md §8), so the connection stands in for the shim's ACK.
/// </summary>
public enum SctpDataAcknowledgement
{
    /// <summary>Once the kernel took the message (SCTP delivers it reliably, but the PE may not have handled it).</summary>
    OnSend,

    /// <summary>
    /// When the next application message from the peer arrives: it acknowledges everything sent before it, as fits
    /// request-response services (echo, ping-pong). Unanswered messages are resent after a failover.
    /// </summary>
    OnReply,
}
