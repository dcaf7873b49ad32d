using System.CommandLine;
using System.Net.Http.Json;
using Akka.Event;
using RSerPool.Actors.Api;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Hosting;
using RSerPool.Hosts.Status;
using RSerPool.Wire.Parameters;
using Spectre.Console;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// <c>rserpool monitor</c>: prints what a registrar's status endpoint (<c>rserpool registrar --status</c>) reports:
/// its endpoints, ENRP peers and every pool with its PEs; once, or every <c>--watch</c> interval. With
/// <c>--watch-pool HANDLE</c> it joins the cluster as a client instead (<c>--cluster HOST:PORT --seed HOST:PORT</c>)
/// and prints the pool's members, then each change as its home registrar publishes it (docs/cluster.md "Membership watch").
/// </summary>
public static class MonitorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var status = new Option<string?>("--status") { Description = "the registrar's status endpoint, HOST:PORT or http://HOST:PORT", HelpName = "HOST:PORT" };
        var watch = new Option<string?>("--watch") { Description = "show again every DURATION (e.g. 2s) until Ctrl-C or --count: redrawn in place under a timestamp on a terminal, printed again otherwise", HelpName = "DURATION" };
        var count = new Option<int?>("--count") { Description = "with --watch: stop after N prints; with --watch-pool: after N changes", HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "print the JSON document as served (with --watch-pool: one JSON object per line)" };
        var watchPool = new Option<string?>("--watch-pool") { Description = "cluster mode: print the members of pool HANDLE (text, or 0x-hex bytes), then every change as it happens, until Ctrl-C or --count", HelpName = "HANDLE" };
        var cluster = new Option<string?>("--cluster") { Description = "with --watch-pool: this node's Akka.Remote endpoint (port 0 = any free port)", HelpName = "HOST:PORT" };
        var seeds = new Option<string[]>("--seed") { Description = "with --watch-pool: a seed node's Akka.Remote endpoint (repeatable)", HelpName = "HOST:PORT" };
        var command = new Command("monitor", "Show a registrar's handlespace and ENRP peers (its --status endpoint), or follow a pool in cluster mode (--watch-pool)")
        {
            status, watch, count, json, watchPool, cluster, seeds,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(count) is < 1 and var badCount)
            {
                stderr.WriteLine($"rserpool monitor: --count: {badCount} is not a count of at least 1");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(watchPool) is { } pool)
            {
                return await WatchPoolAsync(pool, parse.GetValue(cluster), parse.GetValue(seeds) ?? [], parse.GetValue(count), parse.GetValue(json), stdout, stderr, cancel)
                    .ConfigureAwait(false);
            }

            if (parse.GetValue(status) is null)
            {
                stderr.WriteLine("rserpool monitor: give --status HOST:PORT, or --watch-pool HANDLE with --cluster and --seed");
                return ExitCodes.Usage;
            }

            Uri address;
            TimeSpan? interval;
            try
            {
                address = StatusAddress(parse.GetValue(status)!);
                interval = parse.GetValue(watch) is { } text ? TerminalCommand.Duration(text, "--watch") : null;
            }
            catch (RSerPoolConfigException e)
            {
                stderr.WriteLine($"rserpool monitor: {e.Message}");
                return ExitCodes.Usage;
            }

            int limit = interval is null ? 1 : parse.GetValue(count) ?? int.MaxValue;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var watcher = new StatusWatch(http, address, TimeProvider.System);
            try
            {
                // A watch on a terminal redraws in place; anything else (a pipe, a log, --json) gets every print.
                if (interval is { } every && !parse.GetValue(json) && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected)
                {
                    var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
                    await watcher.RunLiveAsync(console, every, limit, cancel).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                for (int printed = 0; printed < limit; printed++)
                {
                    if (printed > 0)
                    {
                        await Task.Delay(interval!.Value, cancel).ConfigureAwait(false);
                        stdout.WriteLine();
                    }

                    if (parse.GetValue(json))
                    {
                        stdout.WriteLine(await http.GetStringAsync(address, cancel).ConfigureAwait(false));
                    }
                    else if (interval is null)
                    {
                        var document = await http.GetFromJsonAsync<RegistrarStatus>(address, StatusServer.Json, cancel).ConfigureAwait(false);
                        stdout.Write(StatusText.Render(document!));
                    }
                    else
                    {
                        stdout.Write(await watcher.ReadAsync(cancel).ConfigureAwait(false));
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return ExitCodes.Success;   // Ctrl-C ends a watch
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                stderr.WriteLine($"rserpool monitor: {address}: {e.Message}");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Joins the cluster with the client role (hocon/reference.conf rserpool.cluster) and watches the pool through the
    // RSerPool extension: the same PoolMembers and PoolChanged an application's actor gets.
    private static async Task<int> WatchPoolAsync(string poolText, string? endPoint, string[] seeds, int? count, bool json, TextWriter stdout, TextWriter stderr,
        CancellationToken cancel)
    {
        HostConfig config;
        ClusterSettings settings;
        PoolHandle pool;
        try
        {
            if (endPoint is null || seeds.Length == 0)
            {
                throw new RSerPoolConfigException("--watch-pool", "--watch-pool joins the cluster as a client: give --cluster HOST:PORT (this node) and --seed HOST:PORT (a node of the cluster)");
            }

            pool = ParsePoolHandle(poolText);
            var overrides = new ConfigOverrides()
                .Set("rserpool.cluster.enabled", "on", "--cluster")
                .Set("rserpool.cluster.endpoint", endPoint, "--cluster")
                .SetList("rserpool.cluster.seeds", seeds, "--seed");
            config = HostConfig.Load([], overrides);
            settings = config.Read(ClusterConfig.Read);
            config = config.WithOverlay(config.Read(c => ClusterConfig.AkkaOverlay(settings, settings.ClientRole, c)));
        }
        catch (RSerPoolConfigException e)
        {
            stderr.WriteLine($"rserpool monitor: {e.Message}");
            return ExitCodes.Usage;
        }

        int limit = count ?? int.MaxValue;
        return await ClientHost.RunAsync(config, settings.SystemName, stderr, async (system, log) =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var printer = system.ActorOf(PoolWatchPrinterActor.Props(stdout, json, limit, done), "pool-watch-printer");
            log.Info("watching pool {PoolHandle} from {Address}, joining {Seeds}", pool, Akka.Cluster.Cluster.Get(system).SelfAddress, string.Join(" ", seeds));
            RSerPoolExtension.Get(system).WatchPool(pool, printer);
            try
            {
                await done.Task.WaitAsync(cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Ctrl-C ends a watch
            }

            return ExitCodes.Success;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The /status address of <paramref name="text"/>: http://HOST:PORT (or https), or HOST:PORT alone (a host name or
    /// an address, as the registrar's --status prints it). Throws <see cref="RSerPoolConfigException"/> naming --status.
    /// </summary>
    public static Uri StatusAddress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string absolute = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            throw new RSerPoolConfigException("--status", $"--status: '{text}' is not HOST:PORT or http://HOST:PORT");
        }

        return new Uri(uri, "status");
    }

    private static PoolHandle ParsePoolHandle(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
        {
            try
            {
                return new PoolHandle(Convert.FromHexString(text.AsSpan(2)));
            }
            catch (FormatException)
            {
                throw new RSerPoolConfigException("--watch-pool", $"--watch-pool: '{text}' is not hex bytes");
            }
        }

        return text.Length > 0 ? PoolHandle.FromString(text) : throw new RSerPoolConfigException("--watch-pool", "--watch-pool: the pool handle is empty");
    }
}
