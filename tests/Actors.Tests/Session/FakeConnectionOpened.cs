using System.Net;
using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Tests.Session;

internal sealed record FakeConnectionOpened(IActorRef Connection, IPEndPoint Endpoint);
