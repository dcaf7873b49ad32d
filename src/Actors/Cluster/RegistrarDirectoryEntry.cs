using Akka.Cluster;

namespace RSerPool.Actors.Cluster;

/// <summary><see cref="RegistrarDirectoryActor"/>'s record of one Up registrar node.</summary>
internal sealed class RegistrarDirectoryEntry(UniqueAddress incarnation)
{
    public UniqueAddress Incarnation { get; } = incarnation;

    public bool Reachable { get; set; } = true;

    /// <summary>Null until the node's <see cref="RegistrarEndpointsActor"/> answered.</summary>
    public RegistrarEndpoints? Endpoints { get; set; }
}
