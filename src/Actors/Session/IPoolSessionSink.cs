// Where a PU session actor reports to its application side (PoolSession; a probe in tests).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Session;

/// <summary>Called on the session actor's thread; implementations must not block.</summary>
internal interface IPoolSessionSink
{
    /// <summary>The first PE is connected.</summary>
    void Connected(PoolElement element);

    /// <summary>A failover completed its connect; runs before anything queued goes out (services draft §3.3).</summary>
    void FailedOver(PoolSessionFailover failover);

    void Notify(PoolSessionNotification notification);

    /// <summary>Queues a received message for the application; false when the receive buffer is full.</summary>
    bool TryDeliver(PoolSessionMessage message);

    /// <summary>The session ended: <paramref name="error"/> null after a requested close.</summary>
    void Closed(Exception? error);
}
