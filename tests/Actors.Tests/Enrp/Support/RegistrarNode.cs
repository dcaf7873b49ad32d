// One registrar of an ENRP scenario.
using Akka.Actor;

namespace RSerPool.Actors.Tests.Enrp.Support;

public sealed record RegistrarNode(uint Id, int Number, IActorRef Registrar);
