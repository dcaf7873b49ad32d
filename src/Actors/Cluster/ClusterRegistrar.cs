using Akka.Actor;

namespace RSerPool.Actors.Cluster;

/// <summary>One registrar of the cluster as <see cref="RegistrarDirectoryActor"/> sees it.</summary>
/// <param name="Address">The node's Akka address (akka.tcp://system@host:port).</param>
/// <param name="Reachable">False while the cluster's failure detector marks the node unreachable from here.</param>
/// <param name="Endpoints">What the node's <see cref="RegistrarEndpointsActor"/> answered.</param>
public sealed record ClusterRegistrar(Address Address, bool Reachable, RegistrarEndpoints Endpoints);
