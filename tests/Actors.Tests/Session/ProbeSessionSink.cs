using RSerPool.Actors.Api;
using Akka.Actor;
using RSerPool.Actors.Session;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Tests.Session;

/// <summary>Reports every sink call to a probe, in order with the fake connections' events.</summary>
internal sealed class ProbeSessionSink(IActorRef events, int capacity = int.MaxValue) : IPoolSessionSink
{
    private int _delivered;

    public void Connected(PoolElement element) => events.Tell(new SinkConnected(element.Identifier));

    public void FailedOver(PoolSessionFailover failover) => events.Tell(failover);

    public void Notify(PoolSessionNotification notification) => events.Tell(notification);

    public bool TryDeliver(PoolSessionMessage message)
    {
        if (_delivered >= capacity)
        {
            return false;
        }

        _delivered++;
        events.Tell(message);
        return true;
    }

    public void Closed(Exception? error) => events.Tell(new SinkClosed(error));
}
