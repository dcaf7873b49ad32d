namespace RSerPool.Actors.Cluster;

/// <summary>
/// What <see cref="ClusterPeeringActor"/> tells the registrar for its ENRP actor (the registrar forwards it): the
/// cluster's view of the peer registrars. Local only: never crosses Akka.Remote.
/// </summary>
internal interface IEnrpClusterNotice;
