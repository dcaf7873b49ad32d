using Akka.Actor;

namespace RSerPool.Actors.Tests.Session;

internal sealed record FakeClosedGracefully(IActorRef Connection);
