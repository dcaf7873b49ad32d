using System.Net;
using Akka.Actor;

namespace RSerPool.Actors.Transport;

/// <summary>
/// Told to the handler once, when an association actor starts: who is at the other end. <paramref name="Identity"/>
/// is the peer's authenticated certificate identity on a TLS association, null on plaintext.
/// </summary>
public sealed record AssociationEstablished(
    IActorRef Association, EndPoint? Remote, EndPoint? Local, AssociationIdentity? Identity = null);
