namespace RSerPool.Actors.Cluster;

/// <summary>How a pool watch subscription follows its pool (<c>rserpool.cluster.pool-watch</c>, docs/cluster.md "Membership watch").</summary>
/// <param name="RegistrarRole">The cluster role of registrar nodes, whose watch actors are asked for snapshots.</param>
/// <param name="SnapshotTimeout">How long a subscription waits for a registrar node's snapshot before it goes on without it.</param>
/// <param name="VerifyInterval">How often a subscription asks each home registrar whether it missed an event.</param>
/// <param name="HomeLostGrace">How long the PEs of a home registrar that left the cluster stay before they are removed, unless another registrar took them over.</param>
/// <param name="MaxBufferedEvents">Most events held while a snapshot is awaited; beyond, the events are dropped and the snapshot is asked for again.</param>
public sealed record PoolWatchSettings(string RegistrarRole, TimeSpan SnapshotTimeout, TimeSpan VerifyInterval, TimeSpan HomeLostGrace, int MaxBufferedEvents)
{
    /// <summary>The defaults of hocon/reference.conf.</summary>
    public static PoolWatchSettings Default { get; } = new("registrar", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 10_000);
}
