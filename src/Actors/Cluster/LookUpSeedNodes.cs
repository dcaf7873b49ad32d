namespace RSerPool.Actors.Cluster;

/// <summary><see cref="DiscoverySeedJoinActor"/>'s timer: look the cluster's nodes up again.</summary>
internal sealed class LookUpSeedNodes
{
    public static readonly LookUpSeedNodes Instance = new();
}
