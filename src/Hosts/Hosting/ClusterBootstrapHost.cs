// Cluster formation by Akka.Management's cluster bootstrap for a host in cluster mode (rserpool.cluster.bootstrap;
// docs/cluster.md "Cluster bootstrap").
using System.Net;
using System.Net.Sockets;
using Akka;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Discovery.KubernetesApi;
using Akka.Event;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;
using RSerPool.Actors.Configuration;
using AkkaConfig = Akka.Configuration.Config;

namespace RSerPool.Hosts.Hosting;

/// <summary>
/// With <c>rserpool.cluster.bootstrap</c> = config or kubernetes the node forms or joins its cluster through
/// Akka.Management's <see cref="ClusterBootstrap"/>: Akka.Discovery finds the contact points, each node probes the
/// others' HTTP contact point, and the lowest-addressed node forms the cluster only when all the required contact points
/// answer that there is none yet. <see cref="Configure"/> adds what the actor system needs before it starts,
/// <see cref="StartAsync"/> serves this node's contact point and starts the bootstrap. Akka.Management's own settings
/// (<c>akka.management.*</c>) and Akka.Discovery's (<c>akka.discovery.*</c>) stay in a --config file.
/// </summary>
public static class ClusterBootstrapHost
{
    private const string Http = "akka.management.http";
    private const string ContactPointDiscovery = "akka.management.cluster.bootstrap.contact-point-discovery";

    /// <summary>
    /// <paramref name="config"/> with the discovery method that <c>rserpool.cluster.bootstrap</c> names, the service
    /// name "rserpool" unless set, the contact point's host name = the node's Akka.Remote host name unless set, and
    /// Akka.Management's (and on Kubernetes Akka.Discovery.KubernetesApi's) defaults as fallback; unchanged when
    /// bootstrap is off.
    /// </summary>
    public static AkkaConfig Configure(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var bootstrap = ClusterBootstrapConfig.Read(config);
        if (ClusterBootstrapConfig.DiscoveryMethod(bootstrap) is not { } method)
        {
            return config;
        }

        var configured = ConfigurationFactory.ParseString($"{ContactPointDiscovery}.discovery-method = \"{method}\"")
            .WithFallback(config)
            .WithFallback(ConfigurationFactory.ParseString($"{ContactPointDiscovery}.service-name = \"rserpool\""));
        if (bootstrap == ClusterBootstrapMethod.Kubernetes)
        {
            configured = configured.WithFallback(KubernetesDiscovery.DefaultConfiguration());
        }

        configured = configured.WithFallback(ClusterBootstrap.DefaultConfiguration());
        string hostname = configured.GetString($"{Http}.hostname", "").Trim();
        return hostname.Length == 0 || hostname == "<hostname>"
            ? ConfigurationFactory.ParseString($"{Http}.hostname = \"{RemoteHostname(configured)}\"").WithFallback(configured)
            : configured;
    }

    /// <summary>
    /// Serves this node's contact point and starts the bootstrap when <c>rserpool.cluster.bootstrap</c> asks for it;
    /// false when bootstrap is off. Throws <see cref="RSerPoolConfigException"/> when the node is not in cluster mode or
    /// the contact point's settings are bad, <see cref="InvalidOperationException"/> when its port cannot be bound.
    /// </summary>
    public static async Task<bool> StartAsync(ActorSystem system, ILoggingAdapter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(log);
        var config = system.Settings.Config;
        var bootstrapMethod = ClusterBootstrapConfig.Read(config);
        if (ClusterBootstrapConfig.DiscoveryMethod(bootstrapMethod) is not { } method)
        {
            return false;
        }

        if (system is not ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            throw new RSerPoolConfigException(ClusterBootstrapConfig.Key,
                $"{ClusterBootstrapConfig.Key} = {bootstrapMethod.ToString().ToLowerInvariant()} needs cluster mode (--cluster HOST:PORT)");
        }

        var (selfUri, bind, basePath) = ReadContactPoint(config);
        BootstrapContactPointServer server;
        try
        {
            server = await BootstrapContactPointServer.StartAsync(system, bind, basePath, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"cluster bootstrap: cannot serve the contact point on {bind} ({Http}.port): {e.Message}", e);
        }

        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "rserpool-bootstrap-contact-point", async () =>
        {
            await server.DisposeAsync().ConfigureAwait(false);
            return Done.Instance;
        });
        var bootstrap = ClusterBootstrap.Get(system);
        // Routes() is how Akka.Management learns the contact point of this node when its routes are served elsewhere.
        _ = bootstrap.Routes(ManagementRouteProviderSettings.Create(selfUri, true));
        await bootstrap.Start().ConfigureAwait(false);
        log.Info("cluster bootstrap: looking up {Service} by {Method} discovery; contact point {ContactPoint} for {Address}",
            config.GetString($"{ContactPointDiscovery}.service-name"), method, selfUri, Cluster.Get(system).SelfAddress);
        return true;
    }

    private static (Uri Self, IPEndPoint Bind, string BasePath) ReadContactPoint(AkkaConfig config)
    {
        string hostname = config.GetString($"{Http}.hostname", "").Trim();
        int port = Port(config, $"{Http}.port", config.GetString($"{Http}.port", ""));
        string basePath = config.GetString($"{Http}.base-path", "").Trim().Trim('/');
        string bindHostname = config.GetString($"{Http}.bind-hostname", "").Trim();
        string bindPortText = config.GetString($"{Http}.bind-port", "").Trim();
        int bindPort = bindPortText.Length == 0 ? port : Port(config, $"{Http}.bind-port", bindPortText);
        string bindHost = bindHostname.Length == 0 ? hostname : bindHostname;
        var address = IPAddress.TryParse(bindHost, out var parsed) ? parsed : Resolve(bindHost);
        var self = new UriBuilder("http", hostname, port, basePath.Length == 0 ? "/" : $"/{basePath}/").Uri;
        return (self, new IPEndPoint(address, bindPort), basePath);
    }

    private static int Port(AkkaConfig config, string key, string text) =>
        int.TryParse(text.Trim(), out int port) && port is > 0 and <= 65535
            ? port
            : throw new RSerPoolConfigException(key, $"{key}: '{text}' is not a port (1-65535): other nodes probe this node's contact point there");

    private static IPAddress Resolve(string host)
    {
        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new RSerPoolConfigException($"{Http}.hostname", $"{Http}.hostname: '{host}' has no IPv4 address");
        }
        catch (SocketException e)
        {
            throw new RSerPoolConfigException($"{Http}.hostname", $"{Http}.hostname: '{host}' cannot be resolved ({e.Message})", e);
        }
    }

    // The node's Akka.Remote host name (what --cluster HOST:PORT set); the contact point is served there by default.
    private static string RemoteHostname(AkkaConfig config)
    {
        string publicHostname = config.GetString("akka.remote.dot-netty.tcp.public-hostname", "").Trim();
        string hostname = publicHostname.Length > 0 ? publicHostname : config.GetString("akka.remote.dot-netty.tcp.hostname", "").Trim();
        return hostname.Length > 0 ? hostname : "127.0.0.1";
    }
}
