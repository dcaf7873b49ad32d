using System.Net;

namespace RSerPool.Actors.Cluster;

/// <summary><see cref="ClusterRegistrarFeedActor"/> to itself: a registrar's DNS name resolved (null: it does not resolve).</summary>
internal sealed record RegistrarHostResolved(string Host, IPAddress? Address);
