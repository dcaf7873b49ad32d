using Akka.Actor;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>The registrar's response to a <see cref="RegistrarRequest"/>, with that registrar's server ID (0 = not known yet) and association.</summary>
public sealed record RegistrarReply(AsapMessage Response, uint ServerId, IActorRef Association);
