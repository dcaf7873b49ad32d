namespace RSerPool.Actors.Cluster;

/// <summary>
/// Asks the registrar endpoints actor of a cluster node (<see cref="RegistrarEndpointsActor.Path"/>) for its
/// <see cref="RegistrarEndpoints"/>.
/// </summary>
public sealed record GetRegistrarEndpoints : IRSerPoolClusterMessage
{
    public static readonly GetRegistrarEndpoints Instance = new();
}
