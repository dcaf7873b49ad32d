using System.CommandLine;
using System.Net;
using Akka;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Api;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Session;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Services;
using RSerPool.Hosts.Status;
using RSerPool.Actors.Metrics;
using RegistrationState = RSerPool.Actors.PoolElements.PoolElementStatus;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool server</c>: a pool element serving one of the example services (RSPLIB's set) to PU sessions over the
/// TCP shim (docs/session-shim.md) or over kernel SCTP (<c>--transport sctp</c>, RFC 5352 §5; docs/interop.md),
/// registered in a pool at a registrar; deregisters on SIGTERM/Ctrl-C.
/// </summary>
public static class ServerCommand
{
    public static Command Create(TextWriter stderr)
    {
        var node = new NodeCommandOptions();
        var pool = new Option<string?>("--pool") { Description = "pool handle (default: RSPLIB's pool of the service, e.g. EchoPool)", HelpName = "HANDLE" };
        var service = new Option<string>("--service") { Description = $"service: {string.Join("|", ServiceCatalog.Names)}", DefaultValueFactory = _ => "echo", HelpName = "NAME" };
        var policy = new Option<string>("--policy") { Description = "pool policy NAME[:VALUE...], e.g. RoundRobin, WeightedRoundRobin:5, LeastUsed", DefaultValueFactory = _ => "RoundRobin", HelpName = "NAME[:VALUE...]" };
        var local = new Option<string>("--local") { Description = "where PUs connect (port 0 = any free port)", DefaultValueFactory = _ => "127.0.0.1:0", HelpName = "HOST:PORT" };
        var directory = new Option<string?>("--directory") { Description = "directory the files service serves (must exist; --service files)", HelpName = "DIRECTORY" };
        var transport = new Option<string?>("--transport") { Description = $"user transport PUs connect to: tcp (shim), sctp (RSPLIB PUs; PPID split of RFC 5352) or auto; {ReferenceDefault.Of("rserpool.server.transport")}", HelpName = "tcp|sctp|auto" };
        var identifier = new Option<string?>("--identifier") { Description = "PE identifier, decimal or 0x-hex (default: random)", HelpName = "ID" };
        var status = new Option<string?>("--status") { Description = "this server's status endpoint (port 0 = any free port) or off: /status, /metrics, /health, /ready (200 while registered); default off", HelpName = "HOST:PORT|off" };
        var command = new Command("server", "Run a pool element with an example service");
        node.AddTo(command);
        command.Options.Add(pool);
        command.Options.Add(service);
        command.Options.Add(policy);
        command.Options.Add(local);
        command.Options.Add(directory);
        command.Options.Add(identifier);
        command.Options.Add(transport);
        command.Options.Add(status);

        command.SetAction(async (parse, cancel) =>
        {
            HostConfig config;
            RSerPoolNodeOptions nodeOptions;
            PoolElementServerOptions serverOptions;
            SctpSessionSettings sctpSettings;
            PoolMemberSelectionPolicy selectionPolicy;
            IPEndPoint localEndPoint;
            IPoolElementService implementation;
            string serviceName = parse.GetValue(service)!;
            string poolHandle;
            uint peIdentifier;
            PoolElementOptions registration;
            bool sctp;
            IPEndPoint? statusEndPoint;
            try
            {
                config = node.Load(parse, node.Overrides(parse)
                    .Set("rserpool.server.transport", parse.GetValue(transport), "--transport")
                    .Set("rserpool.server.status", parse.GetValue(status), "--status"));
                statusEndPoint = config.Read(ServerConfig.ReadStatusEndPoint);
                sctp = config.Read(ServerConfig.UsesSctp);
                nodeOptions = config.Read(NodeConfig.Read);
                serverOptions = config.Read(ServerConfig.ReadOptions);
                sctpSettings = config.Read(c => SctpConfig.ApplyServer(c, SctpSessionSettings.Default));
                selectionPolicy = PolicyText.Parse(parse.GetValue(policy)!);
                localEndPoint = EndPointText.Parse(parse.GetValue(local)!, 0, "--local");
                implementation = ServiceCatalog.Create(serviceName, TimeProvider.System, parse.GetValue(directory));
                poolHandle = parse.GetValue(pool) ?? ServiceCatalog.DefaultPoolHandle(serviceName);
                peIdentifier = Identifiers.Parse(parse.GetValue(identifier), "--identifier");
                // The user transport is known once the session server listens; a placeholder until then.
                var placeholder = new TcpTransport((ushort)localEndPoint.Port, TransportUse.DataOnly, [localEndPoint.Address]);
                registration = config.Read(c => NodeConfig.ReadPoolElement(c, PoolHandle.FromString(poolHandle), placeholder)) with
                {
                    Policy = selectionPolicy,
                    Identifier = peIdentifier,
                };
            }
            catch (Exception e) when (e is RSerPoolConfigException or ArgumentException)
            {
                stderr.WriteLine($"rserpool server: {e.Message}");
                return ExitCodes.Usage;
            }

            return await ServiceHost.RunAsync(config, "rserpool-server", stderr, async (system, log) =>
            {
                SctpFallbackNotice.LogIfUnavailable(log, config.Config);
                var rserpool = await RSerPoolNode.StartAsync(nodeOptions with { System = system }, cancel).ConfigureAwait(false);
                var server = sctp
                    ? await PoolElementServer.StartSctpAsync(system, localEndPoint, implementation, serverOptions, sctpSettings, cancel).ConfigureAwait(false)
                    : await PoolElementServer.StartAsync(system, localEndPoint, implementation, serverOptions).ConfigureAwait(false);
                await server.WarmUpAsync(cancel).ConfigureAwait(false);
                var shutdown = CoordinatedShutdown.Get(system);
                PoolElementRegistration? current = null;   // set once the first registration has an outcome
                string? lastReason = null;
                if (statusEndPoint is not null)
                {
                    var userTransport = StatusText.TransportOf(server.ToRegisteredTransport());
                    NodeStatus Read() => Volatile.Read(ref current) is { } pe
                        ? new NodeStatus("server", poolHandle, $"0x{pe.Identifier:x8}", pe.Status.ToString(), pe.HomeServerId == 0 ? null : $"0x{pe.HomeServerId:x8}",
                            userTransport, RSerPoolMetrics.SessionsOpen, RSerPoolMetrics.SessionsStarted)
                        {
                            Reason = pe.Status == RegistrationState.Registered ? null : Volatile.Read(ref lastReason),
                        }
                        : new NodeStatus("server", poolHandle, registration.Identifier == 0 ? "(not yet chosen)" : $"0x{registration.Identifier:x8}",
                            nameof(RegistrationState.Registering), null, userTransport, RSerPoolMetrics.SessionsOpen, RSerPoolMetrics.SessionsStarted);
                    // Started before the first registration: a server still hunting for a registrar answers /ready with 503 and why.
                    string? NotReady() => Read() is var now && now.Registration == nameof(RegistrationState.Registered) ? null
                        : $"PE {now.PoolElement} in pool {now.Pool} is {now.Registration}" + (now.Reason is { } why ? $": {why}" : string.Empty);
                    NodeStatusServer statusServer;
                    try
                    {
                        statusServer = await NodeStatusServer.StartAsync(statusEndPoint, Read, NotReady, cancel).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        throw new IOException($"status endpoint {statusEndPoint} (--status): {e.Message}", e);   // one line, as the registrar's
                    }

                    log.Info("server status on {StatusAddress}status", statusServer.Address);
                    // service-stop, after the deregistration (service-unbind).
                    shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop-server-status-endpoint", async () =>
                    {
                        await statusServer.DisposeAsync().ConfigureAwait(false);
                        return Done.Instance;
                    });
                }

                var registered = await rserpool.RegisterAsync(registration with { UserTransport = server.ToRegisteredTransport() }, cancel).ConfigureAwait(false);
                registered.StatusChanged += (_, change) =>
                {
                    Volatile.Write(ref lastReason, change.Reason);
                    log.Info("PE 0x{Identifier:x8}: {Status} (home registrar 0x{Home:x8})", registered.Identifier, change.Status, change.HomeServerId);
                };
                Volatile.Write(ref current, registered);
                log.Info("server ready: PE 0x{Identifier:x8} in pool {Pool}, serving {Service} on {Transport} {EndPoint}, policy {Policy}",
                    registered.Identifier, poolHandle, serviceName, server.IsSctp ? "SCTP" : "TCP", server.LocalEndPoint, selectionPolicy.Type);

                // service-unbind: PUs stop finding this PE (RFC 5352 §3.2 deregistration) before it stops serving.
                shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "deregister-pool-element", async () =>
                {
                    await registered.DeregisterAsync(CancellationToken.None).ConfigureAwait(false);
                    return Done.Instance;
                });
                shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop-pool-element-server", async () =>
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                    await rserpool.DisposeAsync().ConfigureAwait(false);
                    return Done.Instance;
                });
                return registered.Actor;
            }).ConfigureAwait(false);
        });
        return command;
    }
}
