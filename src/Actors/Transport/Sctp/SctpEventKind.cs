namespace RSerPool.Actors.Transport.Sctp;

/// <summary>What an SCTP notification reports (RFC 6458 §6.1.1, §6.1.2, §6.1.5).</summary>
public enum SctpEventKind
{
    /// <summary>SCTP_ASSOC_CHANGE / SCTP_COMM_UP: the association is up.</summary>
    Up,

    /// <summary>SCTP_ASSOC_CHANGE / SCTP_COMM_LOST: aborted or timed out.</summary>
    Lost,

    /// <summary>SCTP_ASSOC_CHANGE / SCTP_RESTART: the peer restarted.</summary>
    Restart,

    /// <summary>SCTP_ASSOC_CHANGE / SCTP_SHUTDOWN_COMP: graceful shutdown completed.</summary>
    ShutdownComplete,

    /// <summary>SCTP_ASSOC_CHANGE / SCTP_CANT_STR_ASSOC: the association could not be set up.</summary>
    CannotStart,

    /// <summary>SCTP_SHUTDOWN_EVENT: the peer sent SHUTDOWN; no more data will arrive.</summary>
    PeerShutdown,

    /// <summary>SCTP_PEER_ADDR_CHANGE: a peer address changed state (<see cref="SctpAssociationEvent.State"/>).</summary>
    PeerAddressChange,

    /// <summary>Any other notification type.</summary>
    Other,
}
