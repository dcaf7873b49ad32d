namespace RSerPool.Actors.Configuration;

/// <summary>How a node in cluster mode finds the cluster's seed nodes (<c>rserpool.cluster.bootstrap</c>, docs/cluster.md).</summary>
public enum ClusterBootstrapMethod
{
    /// <summary>As given: <c>--seed</c> or <c>akka.cluster.seed-nodes</c>.</summary>
    Off,

    /// <summary>Akka.Discovery's config method: the endpoints listed under <c>akka.discovery.config.services</c>.</summary>
    Config,

    /// <summary>Akka.Discovery.KubernetesApi: the pods found by label.</summary>
    Kubernetes,
}
