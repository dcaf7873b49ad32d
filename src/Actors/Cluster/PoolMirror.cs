using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>The pool watch actor's copy of one pool's home PEs: what it answers snapshots with and compares changes against.</summary>
internal sealed class PoolMirror(PoolHandle poolHandle, long lastSequence)
{
    public PoolHandle PoolHandle { get; } = poolHandle;

    public string Topic { get; } = PoolWatchTopic.For(poolHandle);

    /// <summary>The origin's sequence of this pool's last event (at creation: the last event of any copy the origin evicted, see docs/cluster.md "Membership watch").</summary>
    public long LastSequence { get; set; } = lastSequence;

    public Dictionary<uint, PoolElement> Home { get; } = [];
}
