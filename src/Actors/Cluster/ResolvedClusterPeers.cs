namespace RSerPool.Actors.Cluster;

/// <summary><see cref="ClusterPeeringActor"/>'s own message: the ENRP endpoints of one directory view, host names resolved.</summary>
internal sealed record ResolvedClusterPeers(long Version, IReadOnlyList<ClusterEnrpPeer> Peers);
