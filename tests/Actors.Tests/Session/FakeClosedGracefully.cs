using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Session;

internal sealed record FakeClosedGracefully(IActorRef Connection);
