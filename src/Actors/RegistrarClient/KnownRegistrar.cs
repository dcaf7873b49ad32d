using System.Net;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>An entry of the registrar table (docs/protocol-notes.md §8): static entries never expire.</summary>
public sealed record KnownRegistrar(IPEndPoint EndPoint, uint ServerId, bool IsStatic, DateTimeOffset ExpiresAt)
{
    /// <summary>Learnt from the Akka cluster (docs/cluster.md): kept until the cluster's list no longer has it, never expired by time.</summary>
    public bool FromCluster { get; init; }
}
