using Akka.Actor;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>An Endpoint Keep Alive for this PE, routed by the client; ack it on <paramref name="Association"/> (RFC 5352 §3.4).</summary>
public sealed record KeepAliveReceived(AsapEndpointKeepAlive KeepAlive, IActorRef Association);
