using System.Net;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// One SCTP notification, decoded by the read loop and told to the owning association actor.
/// <see cref="State"/> and <see cref="Error"/> are the raw sac_state/spc_state and sac_error/spc_error values.
/// </summary>
public sealed record SctpAssociationEvent(SctpEventKind Kind, ushort NotificationType, int State, int Error,
    ushort OutboundStreams = 0, ushort InboundStreams = 0, IPEndPoint? PeerAddress = null)
{
    /// <summary>True when the association can carry no more messages.</summary>
    public bool EndsAssociation => Kind is SctpEventKind.Lost or SctpEventKind.ShutdownComplete or SctpEventKind.CannotStart;
}
