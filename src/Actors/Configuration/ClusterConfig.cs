using System.Text;
using Akka.Configuration;
using RSerPool.Actors.Cluster;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.cluster</c> (issue 15) and turns it into the Akka settings of a cluster node: provider, remote
/// endpoint, role, seed nodes. Failure detection and the split-brain resolver stay under <c>akka.cluster</c>
/// (hocon/reference.conf sets RSerPool's defaults there), so any Akka.Cluster setting, Akka.Management included, can
/// replace them in a --config file.
/// </summary>
public static class ClusterConfig
{
    private const string C = "rserpool.cluster";

    /// <summary>The <c>rserpool.cluster</c> section.</summary>
    public static ClusterSettings Read(Config config)
    {
        string endPoint = ConfigValues.String(config, $"{C}.endpoint").Trim();
        return new ClusterSettings
        {
            Enabled = ConfigValues.Bool(config, $"{C}.enabled"),
            SystemName = Name(config, $"{C}.system-name"),
            RegistrarRole = Name(config, $"{C}.registrar-role"),
            ClientRole = Name(config, $"{C}.client-role"),
            EndPoint = endPoint.Length == 0 ? null : HostPort(endPoint, $"{C}.endpoint"),
            Seeds = ConfigValues.StringList(config, $"{C}.seeds").Select(seed => HostPort(seed, $"{C}.seeds")).ToList(),
            // A node whose seed nodes come from discovery (rserpool.cluster.bootstrap) never starts a cluster of its own.
            JoinSelfWithoutSeeds = ConfigValues.Bool(config, $"{C}.join-self-without-seeds") && ClusterBootstrapConfig.Read(config) == ClusterBootstrapMethod.Off,
            EndpointsRetryInterval = ConfigValues.PositiveDuration(config, $"{C}.endpoints-retry-interval"),
        };
    }

    /// <summary>
    /// The Akka keys cluster mode sets over <paramref name="config"/>: <c>akka.actor.provider = cluster</c>,
    /// <paramref name="role"/> added to <c>akka.cluster.roles</c>, the remote endpoint when
    /// <see cref="ClusterSettings.EndPoint"/> is set, and the seed nodes (akka.tcp://SYSTEM@HOST:PORT) when
    /// <see cref="ClusterSettings.Seeds"/> is not empty, and the serializer bindings of
    /// <see cref="RSerPoolConfig.ClusterSerialization"/>. Empty when cluster mode is off.
    /// </summary>
    public static Config AkkaOverlay(ClusterSettings settings, string role, Config config)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(config);
        if (!settings.Enabled)
        {
            return Config.Empty;
        }

        var text = new StringBuilder("akka.actor.provider = cluster\n");
        List<string> roles = config.HasPath("akka.cluster.roles") ? [.. config.GetStringList("akka.cluster.roles")] : [];
        if (!roles.Contains(role))
        {
            roles.Add(role);
        }

        text.Append("akka.cluster.roles = [").AppendJoin(", ", roles.Select(Quote)).Append("]\n");
        if (settings.EndPoint is { } endPoint)
        {
            text.Append("akka.remote.dot-netty.tcp.hostname = ").Append(Quote(endPoint.Host)).Append('\n')
                .Append("akka.remote.dot-netty.tcp.port = ").Append(endPoint.Port).Append('\n');
        }

        if (settings.Seeds.Count > 0)
        {
            text.Append("akka.cluster.seed-nodes = [")
                .AppendJoin(", ", settings.Seeds.Select(seed => Quote($"akka.tcp://{settings.SystemName}@{seed}")))
                .Append("]\n");
        }

        // The serializer binding of every message that crosses Akka.Remote (hocon/cluster.conf, docs/cluster.md "Serialization").
        return ConfigurationFactory.ParseString(text.ToString()).WithFallback(RSerPoolConfig.ClusterSerialization);
    }

    /// <summary>True when <paramref name="config"/> names no seed node: the node must be told whom to join.</summary>
    public static bool HasNoSeeds(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return !config.HasPath("akka.cluster.seed-nodes") || !config.GetStringList("akka.cluster.seed-nodes").Any();
    }

    private static string Name(Config config, string key)
    {
        string name = ConfigValues.String(config, key).Trim();
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? name
            : throw new RSerPoolConfigException(key, $"configuration key '{key}' must be a name of letters, digits, '-' and '_', not '{name}'");
    }

    private static ClusterHostPort HostPort(string text, string key) =>
        ClusterHostPort.TryParse(text, out ClusterHostPort? hostPort)
            ? hostPort
            : throw new RSerPoolConfigException(key, $"configuration key '{key}' must be HOST:PORT (an address or a DNS name), not '{text}'");

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
