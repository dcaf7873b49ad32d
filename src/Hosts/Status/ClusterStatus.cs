namespace RSerPool.Hosts.Status;

/// <summary>The Akka cluster of a registrar in cluster mode (docs/cluster.md): this node, the leader, every member.</summary>
public sealed record ClusterStatus(string Self, string? Leader, IReadOnlyList<ClusterMemberStatus> Members);
