namespace RSerPool.Actors.Cluster;

/// <summary>
/// The cluster removed the registrar <paramref name="ServerId"/> (downed by the split-brain resolver, or left) and this
/// registrar is the one among the survivors to take its PEs over: the ENRP takeover starts at once (RFC 5353 §3.5),
/// without waiting for MAX-TIME-NO-RESPONSE and without ENRP's majority rule, since the cluster has decided
/// (docs/protocol-notes.md §11 "Cluster mode").
/// </summary>
internal sealed record ClusterRegistrarRemoved(uint ServerId) : IEnrpClusterNotice;
