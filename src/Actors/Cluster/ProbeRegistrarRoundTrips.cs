namespace RSerPool.Actors.Cluster;

/// <summary><see cref="ClusterRegistrarFeedActor"/>'s timer: measure the round trip to each reachable registrar node again.</summary>
internal sealed class ProbeRegistrarRoundTrips
{
    public static readonly ProbeRegistrarRoundTrips Instance = new();
}
