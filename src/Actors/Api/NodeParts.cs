using Akka.Actor;

namespace RSerPool.Actors.Api;

/// <summary>Internal: the node actor's shared children.</summary>
internal sealed record NodeParts(IActorRef RegistrarClient, IActorRef Resolver);
