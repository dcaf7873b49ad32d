using System.Net;
using Akka.Actor;

namespace RSerPool.Actors.Transport;

/// <summary>Told to the handler once, when an association actor starts: who is at the other end.</summary>
public sealed record AssociationEstablished(IActorRef Association, EndPoint? Remote, EndPoint? Local);
