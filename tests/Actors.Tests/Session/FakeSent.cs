using Akka.Actor;
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Tests.Session;

internal sealed record FakeSent(IActorRef Connection, ShimFrame Frame);
