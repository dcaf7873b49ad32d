using System.CommandLine;
using System.Globalization;
using System.Net;
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
        var configFiles = new Option<string[]>("--config") { Description = "HOCON file overriding hocon/reference.conf (repeatable; later files win)", AllowMultipleArgumentsPerToken = false };
        var asap = new Option<string?>("--asap") { Description = "ASAP TCP endpoint HOST:PORT (default 0.0.0.0:3863; port 0 = any free port)" };
        var asapSctp = new Option<string?>("--asap-sctp") { Description = "ASAP SCTP endpoint HOST:PORT, auto (the TCP endpoint; default) or off; used where the kernel has SCTP" };
        var announce = new Option<string[]>("--asap-announce") { Description = "Server Announce target HOST:PORT, or off (repeatable; default 239.0.0.50:3863)" };
        var serverId = new Option<string?>("--server-id") { Description = "Server Identifier, decimal or 0x-hex (default: random)" };
        var keepAliveInterval = new Option<string?>("--keep-alive-interval") { Description = "time from an Ack to the next Endpoint Keep Alive (e.g. 500ms)" };
        var keepAliveTimeout = new Option<string?>("--keep-alive-timeout") { Description = "time to wait for the Keep Alive Ack (e.g. 500ms)" };
        var maxPools = new Option<int?>("--max-pools") { Description = "most pools held" };
        var maxPesPerPool = new Option<int?>("--max-pes-per-pool") { Description = "most PEs per pool" };
        var maxPesPerAssociation = new Option<int?>("--max-pes-per-association") { Description = "most PEs registered over one association" };
        var maxHandleLength = new Option<int?>("--max-pool-handle-length") { Description = "longest pool handle in bytes (default 32)" };
        var maxHrRate = new Option<double?>("--max-hr-rate") { Description = "handle resolutions per second per association (0 = unlimited; RSPLIB -maxhrrate)" };
        var maxEuRate = new Option<double?>("--max-eu-rate") { Description = "unreachable reports per second per association (0 = unlimited; RSPLIB -maxeurate)" };
        var enrp = new Option<string?>("--enrp") { Description = "ENRP TCP endpoint HOST:PORT, or off (default 0.0.0.0:9901; port 0 = any free port)" };
        var enrpTransport = new Option<string?>("--enrp-transport") { Description = "ENRP over tcp, sctp (RFC 5353, as RSPLIB) or auto (TCP, and SCTP too where the kernel has it); default rserpool.registrar.enrp.transport (auto)" };
        var peers = new Option<string[]>("--peer") { Description = "a peer registrar's ENRP endpoint HOST:PORT (repeatable; RSPLIB -peer)" };
        var enrpAnnounce = new Option<string[]>("--enrp-announce") { Description = "UDP Presence target HOST:PORT (multicast group or unicast), or off (repeatable; default off; RSPLIB 239.0.0.51:9901)" };
        var logLevel = new Option<string?>("--log-level") { Description = "Verbose, Debug, Information, Warning, Error" };
        var status = new Option<string?>("--status") { Description = "HTTP status endpoint HOST:PORT (/status JSON, /metrics Prometheus; port 0 = any free port), or off (default)" };

        var command = new Command("registrar", "Run an RSerPool registrar (ASAP over TCP, and over SCTP where the kernel has it)")
        {
            configFiles, asap, asapSctp, announce, serverId, keepAliveInterval, keepAliveTimeout, maxPools, maxPesPerPool,
            maxPesPerAssociation, maxHandleLength, maxHrRate, maxEuRate, enrp, enrpTransport, peers, enrpAnnounce, logLevel, status,
        };
        command.SetAction(async (parse, cancel) =>
        {
            HoconConfig config;
            RegistrarSettings settings;
            IPEndPoint? statusEndPoint;
            try
            {
                config = HoconConfig.Load(parse.GetValue(configFiles) ?? []);
                const string r = "rserpool.registrar";
                config = Override(config, $"{r}.asap", parse.GetValue(asap));
                config = Override(config, $"{r}.asap-sctp", parse.GetValue(asapSctp));
                config = Override(config, $"{r}.server-id", ParseId(parse.GetValue(serverId)));
                config = Override(config, $"{r}.keep-alive-interval", parse.GetValue(keepAliveInterval));
                config = Override(config, $"{r}.keep-alive-timeout", parse.GetValue(keepAliveTimeout));
                config = Override(config, $"{r}.limits.max-pools", parse.GetValue(maxPools)?.ToString(CultureInfo.InvariantCulture));
                config = Override(config, $"{r}.limits.max-pes-per-pool", parse.GetValue(maxPesPerPool)?.ToString(CultureInfo.InvariantCulture));
                config = Override(config, $"{r}.limits.max-pes-per-association", parse.GetValue(maxPesPerAssociation)?.ToString(CultureInfo.InvariantCulture));
                config = Override(config, $"{r}.limits.max-pool-handle-length", parse.GetValue(maxHandleLength)?.ToString(CultureInfo.InvariantCulture));
                config = Override(config, $"{r}.max-handle-resolution-rate", parse.GetValue(maxHrRate)?.ToString(CultureInfo.InvariantCulture));
                config = Override(config, $"{r}.max-endpoint-unreachable-rate", parse.GetValue(maxEuRate)?.ToString(CultureInfo.InvariantCulture));
                config = Override(config, $"{r}.enrp.endpoint", parse.GetValue(enrp));
                config = Override(config, $"{r}.enrp.transport", parse.GetValue(enrpTransport));
                config = Override(config, "akka.loglevel", parse.GetValue(logLevel));
                config = Override(config, $"{r}.status", parse.GetValue(status));
                if (parse.GetValue(peers) is { Length: > 0 } peerList)
                {
                    var list = string.Join(", ", peerList.Select(p => $"\"{p}\""));
                    config = config.With(HoconConfig.FromText($"{r}.enrp.peers = [{list}]", "--peer"));
                }

                if (parse.GetValue(enrpAnnounce) is { Length: > 0 } presenceTargets)
                {
                    var list = string.Join(", ", presenceTargets.Select(t => $"\"{t}\""));
                    config = config.With(HoconConfig.FromText($"{r}.enrp.presence-announce = [{list}]", "--enrp-announce"));
                }

                if (parse.GetValue(announce) is { Length: > 0 } targets)
                {
                    var list = string.Join(", ", targets.Select(t => $"\"{t}\""));
                    config = config.With(HoconConfig.FromText($"{r}.asap-announce = [{list}]", "--asap-announce"));
                }
                settings = RegistrarConfig.Read(config);
                statusEndPoint = RegistrarConfig.ReadStatusEndPoint(config);
                KernelConfig.LogLevel(config); // a bad level is a usage error, before anything starts
            }
            catch (HoconException e)
            {
                stderr.WriteLine($"rserpool registrar: {e.Message}");
                return ExitCodes.Usage;
            }

            return await ServiceHost.RunAsync(config, "rserpool-registrar", async (system, logger) =>
            {
                if ((settings.AsapSctpEndPoint is not null || settings.AsapSctpOnTcpEndPoint) && !SctpSupport.IsAvailable)
                {
                    logger.Information("ASAP and ENRP on TCP only: {Reason}", SctpSupport.Reason);
                }
                var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                var observer = system.ActorOf(StartupObserverActor.Props(outcome), "startup-observer");
                var registrar = system.ActorOf(RegistrarActor.Props(settings, observer), "registrar");
                switch (await outcome.Task.ConfigureAwait(false))
                {
                    case RegistrarStarted started:
                        string asap = started.AsapSctpEndPoint is { } sctp ? $"TCP {started.AsapEndPoint} and SCTP {sctp}" : $"TCP {started.AsapEndPoint}";
                        if (started.EnrpEndPoint is { } enrpEndPoint)
                        {
                            logger.Information("registrar 0x{ServerId:x8} ready: ASAP on {Asap}, ENRP on {EnrpTransport} {EnrpEndPoint}",
                                started.ServerId, asap, string.Join(" and ", (started.EnrpTransports ?? []).Select(t => t.ToUpperInvariant())), enrpEndPoint);
                        }
                        else
                        {
                            logger.Information("registrar 0x{ServerId:x8} ready: ASAP on {Asap}", started.ServerId, asap);
                        }

                        if (statusEndPoint is null)
                        {
                            return new HostedService(registrar);
                        }

                        var reader = new RegistrarStatusReader(registrar, started, settings.Enrp is not null, TimeSpan.FromSeconds(5));
                        var statusServer = await StatusServer.StartAsync(statusEndPoint, reader, cancel).ConfigureAwait(false);
                        logger.Information("registrar status on {StatusAddress}status and {StatusAddress}metrics", statusServer.Address, statusServer.Address);
                        return new HostedService(registrar, async () => await statusServer.DisposeAsync().ConfigureAwait(false));
                    case RegistrarStartFailed failed:
                        logger.Fatal("registrar cannot start: endpoint {EndPoint}: {Reason}", failed.AsapEndPoint, failed.Reason);
                        return (HostedService?)null;
                    default:
                        return null;
                }
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static HoconConfig Override(HoconConfig config, string path, string? value) =>
        value is null ? config : config.With(path, value);

    private static string? ParseId(string? text)
    {
        if (text is null)
        {
            return null;
        }
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return uint.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new HoconException($"--server-id: '{text}' is not a 32-bit number");
    }
}
