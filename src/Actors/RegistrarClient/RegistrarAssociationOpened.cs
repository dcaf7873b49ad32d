using Akka.Actor;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>A connect attempt produced <paramref name="Association"/>, an actor speaking the wire-actor protocol (AssociationSend / AssociationReceived).</summary>
public sealed record RegistrarAssociationOpened(long Attempt, IActorRef Association);
