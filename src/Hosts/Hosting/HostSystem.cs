using Akka.Actor;
using Akka.Configuration;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Hosting;

/// <summary>Creates a host's actor system from the run's merged configuration (reference, --config files, flags).</summary>
public static class HostSystem
{
    /// <summary>
    /// What no --config file may change, since the host's exit code depends on it: the coordinated shutdown never calls
    /// Environment.Exit (the host returns its exit code from Main), and Akka's ProcessExit hook does not run the
    /// shutdown that the host already runs on SIGTERM/SIGINT.
    /// </summary>
    public const string Fixed = "akka.coordinated-shutdown { exit-clr = off, run-by-clr-shutdown-hook = off }";

    /// <summary>The actor system; a configuration Akka refuses (e.g. an unknown logger type) is a <see cref="RSerPoolConfigException"/>.</summary>
    public static ActorSystem Create(string name, HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            // Cluster mode: every node of one RSerPool cluster has the same system name (Akka addresses carry it).
            if (config.Read(ClusterConfig.Read) is { Enabled: true } cluster)
            {
                name = cluster.SystemName;
            }

            // rserpool.cluster.bootstrap: Akka.Management's and Akka.Discovery's settings before the system starts (ClusterBootstrapHost).
            return ActorSystem.Create(name, ClusterBootstrapHost.Configure(ConfigurationFactory.ParseString(Fixed).WithFallback(config.Config)));
        }
        catch (Exception e) when (e is ConfigurationException or ArgumentException or TypeLoadException or InvalidOperationException)
        {
            throw new RSerPoolConfigException(null, $"the actor system refuses this configuration: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>
    /// The actor system, or null after reporting on <paramref name="stderr"/> a configuration it refuses (the caller
    /// then exits 2).
    /// </summary>
    public static async Task<ActorSystem?> TryCreateAsync(string name, HostConfig config, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return Create(name, config);
        }
        catch (RSerPoolConfigException e)
        {
            await stderr.WriteLineAsync($"rserpool: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
