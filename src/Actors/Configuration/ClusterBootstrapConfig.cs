using Akka.Configuration;
using RSerPool.Actors.Cluster;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.cluster.bootstrap</c> (seed nodes as configured, or found through Akka.Discovery's config or
/// Kubernetes method) and <c>rserpool.cluster.discovery</c> (docs/cluster.md "Cluster bootstrap").
/// </summary>
public static class ClusterBootstrapConfig
{
    public const string Key = "rserpool.cluster.bootstrap";
    private const string D = "rserpool.cluster.discovery";

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

    /// <summary>The discovery settings; null when bootstrap is off.</summary>
    public static ClusterDiscoverySettings? ReadDiscovery(Config config)
    {
        if (DiscoveryMethod(Read(config)) is not { } method)
        {
            return null;
        }

        string service = ConfigValues.String(config, $"{D}.service-name").Trim();
        if (service.Length == 0)
        {
            throw new RSerPoolConfigException($"{D}.service-name", $"{D}.service-name: a service name is needed");
        }

        int required = ConfigValues.Int(config, $"{D}.required-contact-points");
        if (required < 1)
        {
            throw new RSerPoolConfigException($"{D}.required-contact-points", $"{D}.required-contact-points: at least 1, not {required}");
        }

        string portName = ConfigValues.String(config, $"{D}.port-name").Trim();
        return new ClusterDiscoverySettings(method)
        {
            ServiceName = service,
            PortName = portName.Length == 0 ? null : portName,
            RequiredContactPoints = required,
            Interval = ConfigValues.PositiveDuration(config, $"{D}.interval"),
            ResolveTimeout = ConfigValues.PositiveDuration(config, $"{D}.resolve-timeout"),
        };
    }
}
