using System.Net;
using Akka.Actor;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// One ASAP association as the registrar knows it: the wire actor, a registrar-unique id (the handlespace's
/// association id, never reused), the peer's address for logs and the PE's ASAP transport (RFC 5352 §3.1), and its
/// authenticated identity for the access control.
/// </summary>
internal sealed record AsapPeer(IActorRef Association, long Id, EndPoint? Remote)
{
    /// <summary>The peer's certificate identity on a TLS association; null on plaintext (checked against rserpool.acl).</summary>
    public AssociationIdentity? Identity { get; init; }

    /// <summary>No association: a PE adopted by a takeover whose association was with the dead registrar (RFC 5353 §3.5).</summary>
    public static AsapPeer Detached { get; } = new(ActorRefs.Nobody, 0, null);

    public override string ToString() => Remote?.ToString() ?? $"association {Id}";
}
