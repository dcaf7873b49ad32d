using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>The distributed pub/sub topic of one pool's <see cref="PoolChanged"/> events (Akka.Cluster.Tools).</summary>
public static class PoolWatchTopic
{
    /// <summary>
    /// <c>rserpool-pool-</c> + the handle's bytes in hex: a handle is opaque bytes (RFC 5354 §3.9), and the mediator
    /// names a child actor after each topic, so the name must be a valid actor name whatever the bytes.
    /// </summary>
    public static string For(PoolHandle poolHandle) => "rserpool-pool-" + Convert.ToHexStringLower(poolHandle.Span);
}
