using System.Net;

namespace RSerPool.Actors.Cluster;

/// <summary>A registrar of the cluster as an ENRP peer: its Server Identifier and the ENRP endpoint it serves.</summary>
internal sealed record ClusterEnrpPeer(uint ServerId, IPEndPoint EndPoint);
