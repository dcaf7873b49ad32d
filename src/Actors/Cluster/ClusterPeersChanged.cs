namespace RSerPool.Actors.Cluster;

/// <summary>
/// Every other registrar of the cluster with its ENRP endpoint: the ENRP actor greets each one as it greets a static
/// peer (docs/protocol-notes.md §10 "-peer"), from now on and at every heartbeat until it is in the peer list.
/// </summary>
internal sealed record ClusterPeersChanged(IReadOnlyList<ClusterEnrpPeer> Peers) : IEnrpClusterNotice;
