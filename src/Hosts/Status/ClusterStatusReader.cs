// The cluster part of /status: Akka.Cluster's own view of membership and reachability (no second failure detector).
using Akka.Actor;
using Akka.Cluster;

namespace RSerPool.Hosts.Status;

/// <summary>Reads <see cref="Cluster.State"/> of a node into a <see cref="ClusterStatus"/>; null when the node is not in cluster mode.</summary>
public static class ClusterStatusReader
{
    public static ClusterStatus? Read(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system is not ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            return null;
        }

        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(member => member.UniqueAddress).ToHashSet();
        var members = state.Members
            .Concat(state.Unreachable.Where(member => !state.Members.Contains(member)))
            .OrderBy(member => member.Address.ToString(), StringComparer.Ordinal)
            .Select(member => new ClusterMemberStatus(
                member.Address.ToString(),
                member.Status.ToString(),
                [.. member.Roles.Order(StringComparer.Ordinal)],
                !unreachable.Contains(member.UniqueAddress),
                member.UniqueAddress.Equals(cluster.SelfUniqueAddress)))
            .ToList();
        return new ClusterStatus(cluster.SelfAddress.ToString(), state.Leader?.ToString(), members);
    }
}
