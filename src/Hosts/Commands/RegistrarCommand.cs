using System.CommandLine;
using System.Globalization;
using System.Net;
using Akka;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Memory;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Status;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool registrar</c>: an ASAP registrar (ENRP server) over TCP, and over kernel SCTP where available, peering with other registrars by ENRP over TCP. Settings come from hocon/reference.conf,
/// then each --config file, then the flags below (named after RSPLIB's registrar options).
/// </summary>
public static class RegistrarCommand
{
    public static Command Create(TextWriter stderr)
    {
        const string r = "rserpool.registrar";
        var configFiles = new Option<string[]>("--config") { Description = "HOCON file overriding hocon/reference.conf, akka.* keys included (repeatable; later files win)", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var asap = new Option<string?>("--asap") { Description = $"ASAP TCP endpoint ({ReferenceDefault.Of($"{r}.asap")}; port 0 = any free port)", HelpName = "HOST:PORT" };
        var asapSctp = new Option<string?>("--asap-sctp") { Description = $"ASAP SCTP endpoint, auto (the TCP endpoint) or off; used where the kernel has SCTP ({ReferenceDefault.Of($"{r}.asap-sctp")})", HelpName = "HOST:PORT|auto|off" };
        var announce = new Option<string[]>("--asap-announce") { Description = $"Server Announce target, or off (repeatable; {ReferenceDefault.Of($"{r}.asap-announce")})", HelpName = "HOST:PORT|off" };
        var serverId = new Option<string?>("--server-id") { Description = "Server Identifier, decimal or 0x-hex (default: random)", HelpName = "ID" };
        var keepAliveInterval = new Option<string?>("--keep-alive-interval") { Description = $"time from an Ack to the next Endpoint Keep Alive ({ReferenceDefault.Of($"{r}.keep-alive-interval")})", HelpName = "DURATION" };
        var keepAliveTimeout = new Option<string?>("--keep-alive-timeout") { Description = $"time to wait for the Keep Alive Ack ({ReferenceDefault.Of($"{r}.keep-alive-timeout")})", HelpName = "DURATION" };
        var maxPools = new Option<int?>("--max-pools") { Description = $"most pools held, at least 1 ({ReferenceDefault.Of($"{r}.limits.max-pools")})", HelpName = "N" };
        var maxPesPerPool = new Option<int?>("--max-pes-per-pool") { Description = $"most PEs per pool, at least 1 ({ReferenceDefault.Of($"{r}.limits.max-pes-per-pool")})", HelpName = "N" };
        var maxPesPerAssociation = new Option<int?>("--max-pes-per-association") { Description = $"most PEs registered over one association, at least 1 ({ReferenceDefault.Of($"{r}.limits.max-pes-per-association")})", HelpName = "N" };
        var maxHandleLength = new Option<int?>("--max-pool-handle-length") { Description = $"longest pool handle in bytes, at least 1 ({ReferenceDefault.Of($"{r}.limits.max-pool-handle-length")})", HelpName = "BYTES" };
        var maxHrRate = new Option<double?>("--max-hr-rate") { Description = $"handle resolutions per second per association ({ReferenceDefault.Of($"{r}.max-handle-resolution-rate")}; 0 = unlimited; RSPLIB -maxhrrate)", HelpName = "PER-SECOND" };
        var maxHrRatePerHost = new Option<double?>("--max-hr-rate-per-host") { Description = $"handle resolutions per second per remote host ({ReferenceDefault.Of($"{r}.max-handle-resolution-rate-per-host")}; 0 = unlimited)", HelpName = "PER-SECOND" };
        var maxEuRate = new Option<double?>("--max-eu-rate") { Description = $"unreachable reports per second per association ({ReferenceDefault.Of($"{r}.max-endpoint-unreachable-rate")}; 0 = unlimited; RSPLIB -maxeurate)", HelpName = "PER-SECOND" };
        var maxEuRatePerHost = new Option<double?>("--max-eu-rate-per-host") { Description = $"unreachable reports per second per remote host ({ReferenceDefault.Of($"{r}.max-endpoint-unreachable-rate-per-host")}; 0 = unlimited)", HelpName = "PER-SECOND" };
        var minLife = new Option<string?>("--min-registration-life") { Description = $"shortest Registration Life granted ({ReferenceDefault.Of($"{r}.min-registration-life")})", HelpName = "DURATION" };
        var maxLife = new Option<string?>("--max-registration-life") { Description = $"longest Registration Life granted ({ReferenceDefault.Of($"{r}.max-registration-life")})", HelpName = "DURATION" };
        var enrp = new Option<string?>("--enrp") { Description = $"ENRP endpoint, or off ({ReferenceDefault.Of($"{r}.enrp.endpoint")}; port 0 = any free port)", HelpName = "HOST:PORT|off" };
        var enrpTransport = new Option<string?>("--enrp-transport") { Description = $"ENRP over tcp, sctp (RFC 5353, as RSPLIB) or auto (TCP, and SCTP too where the kernel has it); {ReferenceDefault.Of($"{r}.enrp.transport")}", HelpName = "tcp|sctp|auto" };
        var peers = new Option<string[]>("--peer") { Description = "a peer registrar's ENRP endpoint: an IPv4 address of four octets or [IPv6], and the port (repeatable; RSPLIB -peer)", HelpName = "HOST:PORT" };
        var enrpAllow = new Option<string[]>("--enrp-allow") { Description = $"an address or CIDR network whose ENRP associations are accepted besides the configured, cluster and announcing peers (repeatable; replaces {ReferenceDefault.Of($"{r}.enrp.allow")}; 0.0.0.0/0 and ::/0 = any)", HelpName = "ADDRESS|CIDR" };
        var enrpAnnounce = new Option<string[]>("--enrp-announce") { Description = $"UDP Presence target (multicast group or unicast), or off (repeatable; {ReferenceDefault.Of($"{r}.enrp.presence-announce")}; RSPLIB 239.0.0.51:9901)", HelpName = "HOST:PORT|off" };
        var logLevel = new Option<string?>("--log-level") { Description = "Verbose, Debug, Information, Warning, Error (or Akka's DEBUG, INFO, WARNING, ERROR, OFF)", HelpName = "LEVEL" };
        var cluster = new Option<string?>("--cluster") { Description = "cluster mode: this node's Akka.Remote endpoint (an address or name the other nodes reach; port 0 = any free port); ENRP peers are learnt from the cluster (docs/cluster.md)", HelpName = "HOST:PORT" };
        var seeds = new Option<string[]>("--seed") { Description = "a seed node's Akka.Remote endpoint (repeatable; with --cluster; none = this node starts the cluster)", HelpName = "HOST:PORT" };
        var status = new Option<string?>("--status") { Description = $"HTTP status endpoint (/status JSON, /metrics Prometheus, /health, /ready, / live page; port 0 = any free port), or off ({ReferenceDefault.Of($"{r}.status")})", HelpName = "HOST:PORT|off" };

        var command = new Command("registrar", "Run an RSerPool registrar (ASAP over TCP, and over SCTP where the kernel has it)")
        {
            configFiles, asap, asapSctp, announce, serverId, keepAliveInterval, keepAliveTimeout, maxPools, maxPesPerPool,
            maxPesPerAssociation, maxHandleLength, maxHrRate, maxHrRatePerHost, maxEuRate, maxEuRatePerHost, minLife, maxLife, enrp, enrpTransport, peers, enrpAllow, enrpAnnounce, logLevel, status, cluster, seeds,
        };
        var logs = new LogOptions();
        logs.AddTo(command);
        var tls = new TlsOptions();
        tls.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            HostConfig config;
            RegistrarSettings settings;
            IPEndPoint? statusEndPoint;
            TimeSpan statusEventsInterval;
            IdleMemoryTrimSettings idleMemoryTrim;
            ClusterSettings clusterSettings;
            try
            {
                var overrides = tls.AddOverrides(logs.AddOverrides(new ConfigOverrides(), parse), parse)
                    .Set($"{r}.asap", parse.GetValue(asap), "--asap")
                    .Set($"{r}.asap-sctp", parse.GetValue(asapSctp), "--asap-sctp")
                    .Set($"{r}.server-id", ParseId(parse.GetValue(serverId)), "--server-id")
                    .Set($"{r}.keep-alive-interval", parse.GetValue(keepAliveInterval), "--keep-alive-interval")
                    .Set($"{r}.keep-alive-timeout", parse.GetValue(keepAliveTimeout), "--keep-alive-timeout")
                    .Set($"{r}.limits.max-pools", Text(parse.GetValue(maxPools)), "--max-pools")
                    .Set($"{r}.limits.max-pes-per-pool", Text(parse.GetValue(maxPesPerPool)), "--max-pes-per-pool")
                    .Set($"{r}.limits.max-pes-per-association", Text(parse.GetValue(maxPesPerAssociation)), "--max-pes-per-association")
                    .Set($"{r}.limits.max-pool-handle-length", Text(parse.GetValue(maxHandleLength)), "--max-pool-handle-length")
                    .Set($"{r}.max-handle-resolution-rate", Text(parse.GetValue(maxHrRate)), "--max-hr-rate")
                    .Set($"{r}.max-handle-resolution-rate-per-host", Text(parse.GetValue(maxHrRatePerHost)), "--max-hr-rate-per-host")
                    .Set($"{r}.max-endpoint-unreachable-rate", Text(parse.GetValue(maxEuRate)), "--max-eu-rate")
                    .Set($"{r}.max-endpoint-unreachable-rate-per-host", Text(parse.GetValue(maxEuRatePerHost)), "--max-eu-rate-per-host")
                    .Set($"{r}.min-registration-life", parse.GetValue(minLife), "--min-registration-life")
                    .Set($"{r}.max-registration-life", parse.GetValue(maxLife), "--max-registration-life")
                    .Set($"{r}.enrp.endpoint", parse.GetValue(enrp), "--enrp")
                    .Set($"{r}.enrp.transport", parse.GetValue(enrpTransport), "--enrp-transport")
                    .Set("akka.loglevel", parse.GetValue(logLevel), "--log-level")
                    .Set($"{r}.status", parse.GetValue(status), "--status")
                    .SetList($"{r}.enrp.peers", parse.GetValue(peers), "--peer")
                    .SetList($"{r}.enrp.allow", parse.GetValue(enrpAllow), "--enrp-allow")
                    .SetList($"{r}.enrp.presence-announce", parse.GetValue(enrpAnnounce), "--enrp-announce")
                    .SetList($"{r}.asap-announce", parse.GetValue(announce), "--asap-announce")
                    .Set("rserpool.cluster.enabled", parse.GetValue(cluster) is null ? null : "on", "--cluster")
                    .Set("rserpool.cluster.endpoint", parse.GetValue(cluster), "--cluster")
                    .SetList("rserpool.cluster.seeds", parse.GetValue(seeds), "--seed");
                config = HostConfig.Load(parse.GetValue(configFiles) ?? [], overrides);
                settings = config.Read(RegistrarConfig.Read);
                statusEndPoint = config.Read(RegistrarConfig.ReadStatusEndPoint);
                statusEventsInterval = config.Read(RegistrarConfig.ReadStatusEventsInterval);
                idleMemoryTrim = config.Read(RegistrarConfig.ReadIdleMemoryTrim);
                clusterSettings = config.Read(ClusterConfig.Read);
                if (!clusterSettings.Enabled && clusterSettings.Seeds.Count > 0)
                {
                    throw new RSerPoolConfigException("rserpool.cluster.seeds", "--seed needs cluster mode: give --cluster HOST:PORT (or rserpool.cluster.enabled = on)");
                }

                config = config.WithOverlay(config.Read(c => ClusterConfig.AkkaOverlay(clusterSettings, clusterSettings.RegistrarRole, c)));
                StartupTimeline.Mark("configuration");
            }
            catch (RSerPoolConfigException e)
            {
                stderr.WriteLine($"rserpool registrar: {e.Message}");
                return ExitCodes.Usage;
            }

            // Cluster mode: every node of one RSerPool cluster has the same system name (Akka addresses carry it).
            string systemName = clusterSettings.Enabled ? clusterSettings.SystemName : "rserpool-registrar";
            return await ServiceHost.RunAsync(config, systemName, stderr, async (system, log) =>
            {
                if ((settings.AsapSctpEndPoint is not null || settings.AsapSctpOnTcpEndPoint) && !SctpSupport.IsAvailable)
                {
                    log.Info("ASAP and ENRP on TCP only: {Reason}", SctpSupport.Reason);
                }

                var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                var observer = system.ActorOf(StartupObserverActor.Props(outcome), "startup-observer");
                var registrar = system.ActorOf(RegistrarActor.Props(settings, observer), "registrar");
                switch (await outcome.Task.ConfigureAwait(false))
                {
                    case RegistrarStarted started:
                        StartupTimeline.Mark("registrar and listeners");
                        // Cluster mode: this registrar's home PEs are published to pool watchers (docs/cluster.md "Membership watch").
                        ClusterPoolWatch.StartPublisher(system, registrar);
                        string asap = started.AsapSctpEndPoint is { } sctp ? $"TCP {started.AsapEndPoint} and SCTP {sctp}" : $"TCP {started.AsapEndPoint}";
                        if (started.EnrpEndPoint is { } enrpEndPoint)
                        {
                            log.Info("registrar 0x{ServerId:x8} ready: ASAP on {Asap}, ENRP on {EnrpTransport} {EnrpEndPoint}",
                                started.ServerId, asap, string.Join(" and ", (started.EnrpTransports ?? []).Select(t => t.ToUpperInvariant())), enrpEndPoint);
                        }
                        else
                        {
                            log.Info("registrar 0x{ServerId:x8} ready: ASAP on {Asap}", started.ServerId, asap);
                        }

                        if (StartupTimeline.Describe() is { } timeline)
                        {
                            log.Info("registrar 0x{ServerId:x8} start-up: {Timeline}", started.ServerId, timeline);
                        }

                        system.ActorOf(IdleMemoryTrimActor.Props(idleMemoryTrim), "idle-memory-trim");
                        if (clusterSettings.Enabled)
                        {
                            StartCluster(system, log, started, registrar, clusterSettings);
                        }

                        var shutdown = CoordinatedShutdown.Get(system);
                        // service-stop: stopping the registrar actor closes its listeners and every ASAP and ENRP
                        // association (their actors are its children).
                        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "close-registrar-associations", async () =>
                        {
                            try
                            {
                                await registrar.GracefulStop(shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop)).ConfigureAwait(false);
                            }
                            catch (TaskCanceledException)
                            {
                                log.Warning("registrar 0x{ServerId:x8}: associations not all closed in time", started.ServerId);
                            }

                            return Done.Instance;
                        });
                        if (statusEndPoint is null)
                        {
                            return registrar;
                        }

                        var reader = new RegistrarStatusReader(registrar, started, settings.Enrp is not null, TimeSpan.FromSeconds(5))
                        {
                            Connections = settings.Association.Counters,
                            Cluster = () => ClusterStatusReader.Read(system),
                        };
                        StatusServer statusServer;
                        try
                        {
                            statusServer = await StatusServer.StartAsync(statusEndPoint, reader, statusEventsInterval, cancel).ConfigureAwait(false);
                        }
                        catch (IOException e)
                        {
                            throw new IOException($"status endpoint {statusEndPoint} (--status): {e.Message}", e);
                        }

                        log.Info("registrar status on {StatusAddress}status and {StatusAddress}metrics, live page {StatusAddress}", statusServer.Address, statusServer.Address,
                            statusServer.Address);
                        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-status-endpoint", async () =>
                        {
                            await statusServer.DisposeAsync().ConfigureAwait(false);
                            return Done.Instance;
                        });
                        return registrar;
                    case RegistrarStartFailed failed:
                        log.Error("registrar cannot start: endpoint {EndPoint}: {Reason}", failed.AsapEndPoint, failed.Reason);
                        return null;
                    default:
                        return null;
                }
            }).ConfigureAwait(false);
        });
        return command;
    }

    // Issue 15: the endpoints actor and ENRP peering from the cluster; the first node (no seed) joins itself.
    private static void StartCluster(ActorSystem system, ILoggingAdapter log, RegistrarStarted started, IActorRef registrar, ClusterSettings settings)
    {
        RegistrarEndpoints endpoints = RegistrarCluster.Start(system, started, registrar, settings);
        bool first = RegistrarCluster.JoinSelfIfNoSeeds(system, settings);
        // docs/protocol-notes.md §11 rule 7: downed (minority side of a partition) or left, the registrar stops serving:
        // Akka runs the coordinated shutdown, which closes every association, so its PEs move; the process exits 1.
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberRemoved(() =>
            log.Info("registrar 0x{ServerId:x8}: removed from the cluster; closing its ASAP and ENRP associations so its PEs move", started.ServerId));
        log.Info("registrar 0x{ServerId:x8} in cluster mode: {Address} role {Role}, {Join}; publishes ASAP {Asap}, ENRP {Enrp}",
            started.ServerId, Akka.Cluster.Cluster.Get(system).SelfAddress, settings.RegistrarRole,
            first ? "starting a new cluster (no seed nodes)" : "joining the seed nodes",
            string.Join(" ", endpoints.Asap), endpoints.Enrp.Count == 0 ? "off" : string.Join(" ", endpoints.Enrp));
    }

    private static string? Text<T>(T? value)
        where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string? ParseId(string? text)
    {
        if (text is null)
        {
            return null;
        }
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return uint.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new RSerPoolConfigException("--server-id", $"--server-id: '{text}' is not a 32-bit number");
    }
}
