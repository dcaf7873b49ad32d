namespace RSerPool.Actors.Cluster;

/// <summary>
/// How a PE/PU process on a cluster node takes its registrars from the cluster (hocon
/// <c>rserpool.registrar-client.cluster-*</c>, docs/cluster.md); used only when the actor system is a cluster node.
/// </summary>
public sealed record ClusterRegistrarSettings
{
    public static ClusterRegistrarSettings Default { get; } = new();

    /// <summary>Take registrars from the cluster when the system is a cluster node. Default on.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Cluster role of registrar nodes (<c>rserpool.cluster.registrar-role</c>).</summary>
    public string RegistrarRole { get; init; } = "registrar";

    /// <summary>How often the directory asks a registrar again that has not told its endpoints yet.</summary>
    public TimeSpan EndpointsRetryInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the round trip to each reachable registrar node is measured. Default 5 s.</summary>
    public TimeSpan RoundTripInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Round trips closer than this count as equal, so that load decides between them. Default 1 ms.</summary>
    public TimeSpan RoundTripTolerance { get; init; } = TimeSpan.FromMilliseconds(1);
}
