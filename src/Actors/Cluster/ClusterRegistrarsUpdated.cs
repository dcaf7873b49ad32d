namespace RSerPool.Actors.Cluster;

/// <summary>
/// To the registrar client (local only): the cluster's reachable registrars, best first (<see cref="RegistrarPreference"/>).
/// It hunts in this order ahead of its static and announced registrars, and leaves its registrar when that one is no
/// longer in the list (its node left the cluster or became unreachable).
/// </summary>
public sealed record ClusterRegistrarsUpdated(IReadOnlyList<ClusterRegistrarCandidate> Registrars);
