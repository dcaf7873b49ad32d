using System.CommandLine;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// The flags every application-side command shares (server, terminal, fetch) and how they override HOCON; with
/// <c>--cluster</c> the node joins the RSerPool cluster and finds its registrars there (docs/cluster.md).
/// </summary>
public sealed class NodeCommandOptions
{
    public Option<string[]> ConfigFiles { get; } = new("--config") { Description = "HOCON file overriding hocon/reference.conf, akka.* keys included (repeatable; later files win)", HelpName = "FILE" };

    public Option<string[]> Registrars { get; } = new("--registrar") { Description = "registrar ASAP endpoint (repeatable; default: those heard in Server Announces)", HelpName = "HOST:PORT" };

    public Option<string?> AsapAnnounce { get; } = new("--asap-announce") { Description = $"where Server Announces are heard: off or HOST:PORT ({ReferenceDefault.Of("rserpool.registrar-client.announce-listen")}; RSPLIB uses 239.0.0.50:3863)", HelpName = "HOST:PORT|off" };

    public Option<string?> RegistrarTransport { get; } = new("--registrar-transport") { Description = $"ASAP towards registrars over tcp, sctp (RSPLIB) or auto (SCTP where the kernel has it); {ReferenceDefault.Of("rserpool.registrar-client.transport")}", HelpName = "tcp|sctp|auto" };

    public Option<string?> LogLevel { get; } = new("--log-level") { Description = "Verbose, Debug, Information, Warning, Error (or Akka's DEBUG, INFO, WARNING, ERROR, OFF)", HelpName = "LEVEL" };

    public LogOptions Logs { get; } = new();

    public TlsOptions Tls { get; } = new();

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "cluster mode: this node's Akka.Remote endpoint (port 0 = any free port); registrars are found in the cluster, no --registrar needed (docs/cluster.md)", HelpName = "HOST:PORT" };

    public Option<string[]> Seeds { get; } = new("--seed") { Description = "a seed node's Akka.Remote endpoint, e.g. a registrar's --cluster (repeatable; with --cluster)", HelpName = "HOST:PORT" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConfigFiles);
        command.Options.Add(Registrars);
        command.Options.Add(AsapAnnounce);
        command.Options.Add(RegistrarTransport);
        command.Options.Add(LogLevel);
        Logs.AddTo(command);
        Tls.AddTo(command);
        command.Options.Add(Cluster);
        command.Options.Add(Seeds);
    }

    /// <summary>The flags of this group as configuration keys; a command adds its own flags before <see cref="Load(ParseResult, ConfigOverrides)"/>.</summary>
    public ConfigOverrides Overrides(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        const string c = "rserpool.registrar-client";
        var registrars = parse.GetValue(Registrars) ?? [];
        foreach (var registrar in registrars)
        {
            EndPointText.Parse(registrar, RegistrarConfig.AsapPort, "--registrar");
        }

        if (parse.GetValue(RegistrarTransport) is { } transport)
        {
            RegistrarTransportText.Parse(transport, sctpAvailable: true, "--registrar-transport"); // a bad value is a usage error
        }

        return Tls.AddOverrides(Logs.AddOverrides(new ConfigOverrides(), parse), parse)
            .SetList($"{c}.registrars", registrars, "--registrar")
            .Set($"{c}.announce-listen", parse.GetValue(AsapAnnounce), "--asap-announce")
            .Set($"{c}.transport", parse.GetValue(RegistrarTransport), "--registrar-transport")
            .Set("akka.loglevel", parse.GetValue(LogLevel), "--log-level")
            .Set("rserpool.cluster.enabled", parse.GetValue(Cluster) is null ? null : "on", "--cluster")
            .Set("rserpool.cluster.endpoint", parse.GetValue(Cluster), "--cluster")
            .SetList("rserpool.cluster.seeds", parse.GetValue(Seeds), "--seed");
    }

    /// <summary>reference.conf, the --config files, then these flags. Throws <see cref="RSerPoolConfigException"/> on bad input.</summary>
    public HostConfig Load(ParseResult parse) => Load(parse, Overrides(parse));

    /// <summary>The same with the flags already gathered (the command's own added).</summary>
    public HostConfig Load(ParseResult parse, ConfigOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return WithCluster(HostConfig.Load(parse.GetValue(ConfigFiles) ?? [], overrides));
    }

    /// <summary>
    /// Cluster mode of an application node (docs/cluster.md): the Akka keys of <c>rserpool.cluster</c> with the client
    /// role. Such a node joins a cluster that exists: it needs seed nodes (--seed, akka.cluster.seed-nodes) or
    /// seed nodes found by Akka.Discovery (rserpool.cluster.bootstrap), and never starts a cluster of its own.
    /// </summary>
    public static HostConfig WithCluster(HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Read(ClusterConfig.Read);
        if (!cluster.Enabled)
        {
            return cluster.Seeds.Count > 0
                ? throw new RSerPoolConfigException("rserpool.cluster.seeds", "--seed needs cluster mode: give --cluster HOST:PORT (or rserpool.cluster.enabled = on)")
                : config;
        }

        var joined = config.WithOverlay(config.Read(c => ClusterConfig.AkkaOverlay(cluster, cluster.ClientRole, c)));
        if (ClusterConfig.HasNoSeeds(joined.Config) && joined.Read(ClusterBootstrapConfig.Read) == ClusterBootstrapMethod.Off)
        {
            throw new RSerPoolConfigException("rserpool.cluster.seeds",
                "--cluster: give the cluster's seed nodes with --seed HOST:PORT (a registrar's --cluster endpoint), or rserpool.cluster.bootstrap");
        }

        return joined;
    }
}
