namespace RSerPool.Actors.Cluster;

/// <summary>
/// How a node finds its cluster's seed nodes through Akka.Discovery (<c>rserpool.cluster.bootstrap</c> and
/// <c>rserpool.cluster.discovery</c>, read by <see cref="Configuration.ClusterBootstrapConfig"/>; docs/cluster.md).
/// </summary>
/// <param name="Method">The Akka.Discovery method: "config" or "kubernetes-api" (a section under akka.discovery).</param>
public sealed record ClusterDiscoverySettings(string Method)
{
    /// <summary>The service looked up: a key of akka.discovery.config.services, or the pod label value on Kubernetes.</summary>
    public string ServiceName { get; init; } = "rserpool";

    /// <summary>The named port of each target that is its Akka.Remote port (Kubernetes: the container port's name); null = as listed.</summary>
    public string? PortName { get; init; }

    /// <summary>Nodes that must be found before joining: a new cluster forms only with all its first nodes known.</summary>
    public int RequiredContactPoints { get; init; } = 1;

    /// <summary>Time between two lookups while too few nodes are found.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one lookup.</summary>
    public TimeSpan ResolveTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
