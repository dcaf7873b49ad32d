using System.Net;
using Akka.Actor;

namespace RSerPool.Actors.Tests.Session;

internal sealed record FakeConnectionOpened(IActorRef Connection, IPEndPoint Endpoint);
