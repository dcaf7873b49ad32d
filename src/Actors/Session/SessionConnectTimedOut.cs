using Akka.Actor;

namespace RSerPool.Actors.Session;

internal sealed record SessionConnectTimedOut(IActorRef Connection) : PoolUserSessionTimer;
