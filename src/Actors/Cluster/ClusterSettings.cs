namespace RSerPool.Actors.Cluster;

/// <summary>
/// Cluster mode (issue 15), read from <c>rserpool.cluster</c> by <see cref="Configuration.ClusterConfig"/>; the
/// defaults are hocon/reference.conf's.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Cluster mode on: the node runs Akka.Cluster (provider = cluster) with its role.</summary>
    public bool Enabled { get; init; }

    /// <summary>The ActorSystem name every node of one RSerPool cluster uses (Akka addresses include it).</summary>
    public string SystemName { get; init; } = "rserpool";

    /// <summary>Cluster role of registrar nodes.</summary>
    public string RegistrarRole { get; init; } = "registrar";

    /// <summary>Cluster role of PE/PU nodes (applications using the RSerPool extension).</summary>
    public string ClientRole { get; init; } = "rserpool-client";

    /// <summary>This node's Akka.Remote endpoint (flag --cluster); null = akka.remote.dot-netty.tcp as configured.</summary>
    public ClusterHostPort? EndPoint { get; init; }

    /// <summary>Seed nodes' Akka.Remote endpoints (flag --seed); empty = akka.cluster.seed-nodes as configured.</summary>
    public IReadOnlyList<ClusterHostPort> Seeds { get; init; } = [];

    /// <summary>With no seed nodes at all, the node joins itself (the first node of a cluster).</summary>
    public bool JoinSelfWithoutSeeds { get; init; } = true;

    /// <summary>How often a registrar directory asks an Up registrar again that has not told its endpoints yet.</summary>
    public TimeSpan EndpointsRetryInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
