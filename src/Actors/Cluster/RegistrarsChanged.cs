namespace RSerPool.Actors.Cluster;

/// <summary>
/// <see cref="RegistrarDirectoryActor"/> → subscriber: every registrar that is Up in the cluster and has told its
/// endpoints, ordered by address; sent on subscribing and on every change (a registrar joins, becomes unreachable or
/// reachable again, or is removed).
/// </summary>
public sealed record RegistrarsChanged(IReadOnlyList<ClusterRegistrar> Registrars);
