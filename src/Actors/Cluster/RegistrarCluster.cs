using Akka.Actor;
using RSerPool.Actors.Registrar;

namespace RSerPool.Actors.Cluster;

/// <summary>Starts a registrar's part of cluster mode (issue 15) once the registrar serves.</summary>
public static class RegistrarCluster
{
    /// <summary>Name under /user of the actor that links the cluster to ENRP (<see cref="ClusterPeeringActor"/>).</summary>
    public const string PeeringName = "rserpool-cluster-peering";

    /// <summary>
    /// What <paramref name="started"/> serves as <see cref="RegistrarEndpoints"/>: ASAP over TCP (and SCTP), ENRP over
    /// each served transport; any-address binds become <paramref name="clusterHost"/>.
    /// </summary>
    public static RegistrarEndpoints EndpointsOf(RegistrarStarted started, string clusterHost)
    {
        ArgumentNullException.ThrowIfNull(started);
        var asap = new List<string> { RegistrarEndpointText.Format("tcp", started.AsapEndPoint, clusterHost) };
        if (started.AsapSctpEndPoint is { } sctp)
        {
            asap.Add(RegistrarEndpointText.Format("sctp", sctp, clusterHost));
        }

        var enrp = started.EnrpEndPoint is { } enrpEndPoint
            ? (started.EnrpTransports ?? ["tcp"]).Select(transport => RegistrarEndpointText.Format(transport, enrpEndPoint, clusterHost)).ToList()
            : [];
        return new RegistrarEndpoints(started.ServerId, asap, enrp);
    }

    /// <summary>
    /// On a cluster node (akka.actor.provider = cluster): serves <paramref name="started"/>'s endpoints at
    /// <see cref="RegistrarEndpointsActor.Path"/> and, when the registrar runs ENRP, starts the actor that learns ENRP
    /// peers from the cluster and starts takeovers when it removes a registrar. Returns the endpoints served.
    /// </summary>
    public static RegistrarEndpoints Start(ActorSystem system, RegistrarStarted started, IActorRef registrar, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = Akka.Cluster.Cluster.Get(system);
        RegistrarEndpoints endpoints = EndpointsOf(started, cluster.SelfAddress.Host ?? "127.0.0.1");
        system.ActorOf(RegistrarEndpointsActor.Props(endpoints), RegistrarEndpointsActor.Name);
        if (started.EnrpEndPoint is not null)
        {
            system.ActorOf(ClusterPeeringActor.Props(started.ServerId, registrar, settings), PeeringName);
        }

        return endpoints;
    }

    /// <summary>
    /// The first node of a cluster joins itself when no seed node is configured and
    /// <see cref="ClusterSettings.JoinSelfWithoutSeeds"/> is on; true when it did.
    /// </summary>
    public static bool JoinSelfIfNoSeeds(ActorSystem system, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.JoinSelfWithoutSeeds || !Configuration.ClusterConfig.HasNoSeeds(system.Settings.Config))
        {
            return false;
        }

        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        return true;
    }
}
