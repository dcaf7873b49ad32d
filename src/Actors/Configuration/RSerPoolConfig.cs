using System.Reflection;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// The defaults of RSerPool's HOCON: hocon/reference.conf, embedded in this assembly and the only place defaults live.
/// The readers of this folder (<see cref="RegistrarConfig"/>, <see cref="NodeConfig"/>, <see cref="SctpConfig"/>,
/// <see cref="ServerConfig"/>) take a config whose fallback is one of these and fail on a missing key.
/// </summary>
public static class RSerPoolConfig
{
    /// <summary>The manifest name of the embedded hocon/reference.conf.</summary>
    public const string ResourceName = "RSerPool.Actors.Configuration.reference.conf";

    /// <summary>The manifest name of the embedded hocon/cluster.conf.</summary>
    public const string ClusterResourceName = "RSerPool.Actors.Configuration.cluster.conf";

    private static readonly Lazy<string> s_text = new(() => ReadResource(ResourceName));
    private static readonly Lazy<Config> s_default = new(() => ConfigurationFactory.ParseString(s_text.Value));
    // Hyperion for RSerPool's messages that may cross a process boundary: for applications only, not in the hosts'
    // reference, since Akka creates every configured serializer when the system starts (hocon/reference.conf, issue 14).
    private const string HyperionBinding = """
        akka.actor {
          serializers.hyperion = "Akka.Serialization.HyperionSerializer, Akka.Serialization.Hyperion"
          serialization-bindings { "RSerPool.Actors.IRSerPoolMessage, RSerPool.Actors" = hyperion }
        }
        """;

    private static readonly Lazy<Config> s_library = new(() =>
        RSerPoolSection.WithFallback(ConfigurationFactory.ParseString(HyperionBinding)).WithFallback(ClusterSerialization));
    private static readonly Lazy<Config> s_clusterSerialization = new(() => ConfigurationFactory.ParseString(ReadResource(ClusterResourceName)));
    private static readonly Lazy<Config> s_section = new(() => ConfigurationFactory.ParseString(s_text.Value).GetValue("rserpool").AtKey("rserpool"));

    /// <summary>
    /// All of hocon/reference.conf: the <c>rserpool</c> section and the <c>akka</c> settings the <c>rserpool</c> hosts
    /// run with (Serilog logger, stopping guardian, coordinated shutdown that never exits the process).
    /// </summary>
    public static Config Default => s_default.Value;

    /// <summary>
    /// Only the <c>rserpool</c> section of <see cref="Default"/> (rooted at <c>rserpool</c>): the fallback for an
    /// application that embeds RSerPool in its own actor system and keeps its own <c>akka</c> settings.
    /// </summary>
    public static Config RSerPoolSection => s_section.Value;

    /// <summary>
    /// What an application embedding RSerPool in its own actor system takes as fallback: the <c>rserpool</c> section and
    /// the Hyperion serializer with its binding for <see cref="IRSerPoolMessage"/>, and <see cref="ClusterSerialization"/>
    /// (not the hosts' loggers or log level).
    /// </summary>
    public static Config Library => s_library.Value;

    /// <summary>
    /// hocon/cluster.conf: the serializer binding of every message that crosses Akka.Remote in cluster mode
    /// (<see cref="Cluster.IRSerPoolClusterMessage"/>); laid under a cluster node's configuration.
    /// </summary>
    public static Config ClusterSerialization => s_clusterSerialization.Value;

    /// <summary>The text of hocon/reference.conf, as embedded.</summary>
    public static string DefaultText => s_text.Value;

    /// <summary>
    /// The keys under <c>rserpool</c> that <paramref name="config"/> sets and <see cref="Default"/> does not know: a
    /// misspelt key would otherwise be ignored without a word. Keys outside <c>rserpool</c> (Akka's) are not checked.
    /// </summary>
    public static IReadOnlyList<string> FindUnknownKeys(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var unknown = new List<string>();
        if (!config.IsEmpty && config.Root.GetObject()?.Items.TryGetValue("rserpool", out var section) == true)
        {
            Walk("rserpool", section, unknown);
        }

        return unknown;
    }

    private static void Walk(string path, HoconValue value, List<string> unknown)
    {
        if (!Default.HasPath(path))
        {
            unknown.Add(path);
            return;
        }

        if (value.IsObject() && Default.GetValue(path).IsObject())
        {
            foreach (var (key, child) in value.GetObject().Items)
            {
                Walk($"{path}.{key}", child, unknown);
            }
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(RSerPoolConfig).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {typeof(RSerPoolConfig).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
