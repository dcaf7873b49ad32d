using Akka.Actor;
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Fire and forget (Keep Alive Ack, Endpoint Unreachable, a last Deregistration): sent on <paramref name="Association"/>,
/// or on the current registrar association when null; dropped when there is none.
/// </summary>
public sealed record RegistrarSend(AsapMessage Message, IActorRef? Association = null);
