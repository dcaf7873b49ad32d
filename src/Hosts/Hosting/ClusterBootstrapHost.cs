// Cluster formation from Akka.Discovery for a host in cluster mode (rserpool.cluster.bootstrap; docs/cluster.md "Cluster bootstrap").
using Akka.Actor;
using Akka.Cluster;
using Akka.Discovery.KubernetesApi;
using Akka.Event;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using AkkaConfig = Akka.Configuration.Config;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// With <c>rserpool.cluster.bootstrap</c> = config or kubernetes the node finds its seed nodes through Akka.Discovery
/// (<see cref="DiscoverySeedJoinActor"/>) instead of a fixed list: <see cref="Configure"/> adds what the actor system
/// needs before it starts, <see cref="Start"/> starts the lookup. Akka.Discovery's own settings
/// (<c>akka.discovery.*</c>) stay in a --config file.
/// </summary>
public static class ClusterBootstrapHost
{
    /// <summary>The name under /user of the actor that looks the seed nodes up.</summary>
    public const string ActorName = "rserpool-cluster-bootstrap";

    /// <summary>
    /// <paramref name="config"/> with Akka.Discovery.KubernetesApi's defaults as fallback when bootstrap is kubernetes
    /// (Akka.Discovery's own config method needs none); unchanged otherwise.
    /// </summary>
    public static AkkaConfig Configure(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ClusterBootstrapConfig.Read(config) == ClusterBootstrapMethod.Kubernetes
            ? config.WithFallback(KubernetesDiscovery.DefaultConfiguration())
            : config;
    }

    /// <summary>
    /// Starts the lookup of the seed nodes when <c>rserpool.cluster.bootstrap</c> asks for it; false when bootstrap is off.
    /// Throws <see cref="RSerPoolConfigException"/> when the node is not in cluster mode or the settings are bad.
    /// </summary>
    public static bool Start(ActorSystem system, ILoggingAdapter log)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(log);
        if (ClusterBootstrapConfig.ReadDiscovery(system.Settings.Config) is not { } discovery)
        {
            return false;
        }

        if (system is not ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            throw new RSerPoolConfigException(ClusterBootstrapConfig.Key,
                $"{ClusterBootstrapConfig.Key} = {ClusterBootstrapConfig.Read(system.Settings.Config).ToString().ToLowerInvariant()} needs cluster mode (--cluster HOST:PORT)");
        }

        system.ActorOf(DiscoverySeedJoinActor.Props(discovery), ActorName);
        log.Info("cluster bootstrap: looking up {Service} by {Method} discovery for the seed nodes of {Address}",
            discovery.ServiceName, discovery.Method, Cluster.Get(system).SelfAddress);
        return true;
    }
}
