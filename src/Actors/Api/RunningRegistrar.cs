using Akka.Actor;
using RSerPool.Actors.Registrar;

namespace RSerPool.Actors.Api;

/// <summary>A registrar started by <see cref="RSerPoolExtension.StartRegistrarAsync"/>: its actor and where it serves.</summary>
public sealed record RunningRegistrar(IActorRef Actor, RegistrarStarted Started);
