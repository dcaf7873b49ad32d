using System.Net;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// One SCTP notification, decoded by the read loop and told to the owning association actor.
/// <see cref="State"/> and <see cref="Error"/> are the raw sac_state/spc_state and sac_error/spc_error values;
/// <see cref="AssociationId"/> is sac_assoc_id / sse_assoc_id / spc_assoc_id (what a one-to-many socket needs; 0 for
/// other notification types). For <see cref="SctpEventKind.Up"/> on a one-to-many socket, <see cref="PeerAddress"/> is
/// the peer's primary address, looked up by the read loop.
/// </summary>
public sealed record SctpAssociationEvent(SctpEventKind Kind, ushort NotificationType, int State, int Error,
    ushort OutboundStreams = 0, ushort InboundStreams = 0, IPEndPoint? PeerAddress = null, int AssociationId = 0)
{
    /// <summary>True when the association can carry no more messages.</summary>
    public bool EndsAssociation => Kind is SctpEventKind.Lost or SctpEventKind.ShutdownComplete or SctpEventKind.CannotStart;

    /// <summary>One line for the association's debug log.</summary>
    public string Describe() => Kind switch
    {
        _ when EndsAssociation => $"{Kind} (error {Error})",
        SctpEventKind.PeerAddressChange => $"peer address {PeerAddress} state {State}",
        SctpEventKind.Up or SctpEventKind.Restart => $"{Kind} ({OutboundStreams} outbound / {InboundStreams} inbound streams)",
        _ => $"{Kind} (notification 0x{NotificationType:x4})",
    };
}
