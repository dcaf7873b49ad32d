using Akka.Configuration;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.cluster.bootstrap</c>: seed nodes as configured, or Akka.Management's cluster bootstrap with
/// Akka.Discovery's config or Kubernetes method (docs/cluster.md "Cluster bootstrap").
/// </summary>
public static class ClusterBootstrapConfig
{
    public const string Key = "rserpool.cluster.bootstrap";

    /// <summary>The Akka.Discovery method of <paramref name="method"/> (a section under akka.discovery); null for <see cref="ClusterBootstrapMethod.Off"/>.</summary>
    public static string? DiscoveryMethod(ClusterBootstrapMethod method) => method switch
    {
        ClusterBootstrapMethod.Config => "config",
        ClusterBootstrapMethod.Kubernetes => "kubernetes-api",
        _ => null,
    };

    /// <summary>"off", "config" or "kubernetes"; anything else is a <see cref="RSerPoolConfigException"/> naming the key.</summary>
    public static ClusterBootstrapMethod Read(Config config)
    {
        string text = ConfigValues.String(config, Key).Trim();
        return text.ToLowerInvariant() switch
        {
            "off" => ClusterBootstrapMethod.Off,
            "config" => ClusterBootstrapMethod.Config,
            "kubernetes" => ClusterBootstrapMethod.Kubernetes,
            _ => throw new RSerPoolConfigException(Key, $"{Key}: '{text}' is not off, config or kubernetes"),
        };
    }
}
