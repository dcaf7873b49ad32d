// ENRP transport seam (RFC 5353 §3): listening for and opening peer associations.
using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// Makes ENRP associations. Associations follow the wire-actor contract of <see cref="TcpAssociationActor{TMessage}"/>:
/// they tell the handler <see cref="AssociationEstablished"/> and <see cref="AssociationReceived{TMessage}"/>, accept
/// <see cref="AssociationSend{TMessage}"/> and <see cref="CloseAssociation"/>, and stop when the connection ends.
/// </summary>
public interface IEnrpTransport
{
    /// <summary>Short lower-case name for logs and actor names ("tcp", "sctp").</summary>
    string Name { get; }

    /// <summary>Null when this transport works on this host; otherwise why not (e.g. no kernel SCTP).</summary>
    string? UnavailableReason => null;

    /// <summary>
    /// A listener child <paramref name="name"/> of <paramref name="context"/>; it tells <paramref name="handler"/>
    /// <see cref="Bound"/> or <see cref="BindFailed"/>.
    /// </summary>
    IActorRef Listen(IActorContext context, IPEndPoint endPoint, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name);

    /// <summary>Whether <paramref name="association"/> was accepted by <paramref name="listener"/> (by default: is its child).</summary>
    bool Accepted(IActorRef listener, IActorRef association) => association.Path.Parent?.Equals(listener.Path) == true;

    /// <summary>An outbound association child of <paramref name="context"/> to <paramref name="remote"/>; it queues sends until connected and stops if connecting fails.</summary>
    IActorRef Connect(IActorContext context, IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name);

    /// <summary>
    /// True when an association a peer opened from its ENRP endpoint serves both ways (SCTP: one association per pair of
    /// registrars, as RSPLIB needs: docs/interop.md), so messages to that endpoint go over it instead of a second association. False for TCP.
    /// </summary>
    bool SharesAssociations => false;
}
