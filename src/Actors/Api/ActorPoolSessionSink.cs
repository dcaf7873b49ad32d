using Akka.Actor;
using RSerPool.Actors.Session;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Api;

/// <summary>
/// A session's application side when the application is an actor: every event is told to <paramref name="owner"/>,
/// sent by the session's proxy, in the order the session actor produces them.
/// </summary>
internal sealed class ActorPoolSessionSink(PoolHandle pool, IActorRef owner, IActorRef proxy) : IPoolSessionSink
{
    public void Connected(PoolElement element) => owner.Tell(new PoolSessionConnected(pool, element), proxy);

    public void FailedOver(PoolSessionFailover failover) => owner.Tell(failover, proxy);

    public void Notify(PoolSessionNotification notification) => owner.Tell(notification, proxy);

    public bool TryDeliver(PoolSessionMessage message)
    {
        owner.Tell(message, proxy);
        return true;
    }

    public void Closed(Exception? error) => owner.Tell(new PoolSessionClosed(pool, error?.Message), proxy);
}
