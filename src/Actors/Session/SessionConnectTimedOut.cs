using RSerPool.Actors.Kernel;

namespace RSerPool.Actors.Session;

internal sealed record SessionConnectTimedOut(IActorRef Connection) : PoolUserSessionTimer;
