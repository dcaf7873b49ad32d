using System.Net;
using Akka.Actor;

namespace RSerPool.Actors.Transport;

/// <summary>Told to the handler when a listener is bound; <see cref="LocalEndPoint"/> has the real port when 0 was asked.</summary>
public sealed record Bound(IActorRef Listener, IPEndPoint LocalEndPoint);
