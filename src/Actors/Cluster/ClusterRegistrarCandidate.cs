using System.Net;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// A registrar of the cluster as a PE/PU process sees it when choosing one (docs/cluster.md "How a registrar is chosen"):
/// its ASAP endpoint, server ID, whether it runs on this host, the last measured round trip to it over Akka.Remote
/// (null until measured), and its load (null when it reports none).
/// </summary>
public sealed record ClusterRegistrarCandidate(IPEndPoint AsapEndPoint, uint ServerId, bool SameHost, TimeSpan? RoundTrip, long? Load);
