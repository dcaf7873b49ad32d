using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Actors.Session;

namespace RSerPool.Benchmarks.Session;

/// <summary>
/// Issue 5 benchmark 1: failover latency from SIGKILL of the serving PE process to the first answer from another PE.
/// A real registrar and three real `rserpool server --service echo` processes on loopback; the PU session runs here and
/// sends a request every millisecond (ack requested). Each trial kills the PE serving the session and starts a
/// replacement. Prints p50/p99/max per run and the medians over runs. Bounded: runs x trials, each step with a timeout.
/// </summary>
public static class FailoverLatencyHarness
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    public static void Run(string rserpoolDll, int runs, int trials)
    {
        Console.WriteLine($"failover latency: {runs} runs x {trials} trials, {rserpoolDll}");
        var p50s = new List<double>();
        var p99s = new List<double>();
        for (int run = 1; run <= runs; run++)
        {
            var latencies = RunOnceAsync(rserpoolDll, trials).GetAwaiter().GetResult();
            latencies.Sort();
            double p50 = Percentile(latencies, 0.50);
            double p99 = Percentile(latencies, 0.99);
            p50s.Add(p50);
            p99s.Add(p99);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: p50 {p50:F2} ms, p99 {p99:F2} ms, max {latencies[^1]:F2} ms over {latencies.Count} trials"));
        }
        p50s.Sort();
        p99s.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over runs: p50 {Percentile(p50s, 0.5):F2} ms, p99 {Percentile(p99s, 0.5):F2} ms (target p99 <= 20 ms)"));
    }

    private static async Task<List<double>> RunOnceAsync(string rserpoolDll, int trials)
    {
        await using var registrar = RserpoolProcess.StartExecutable(rserpoolDll, "registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP (\S+)");
        string registrarEndPoint = ready.Groups[1].Value.Trim('"');
        var servers = new Dictionary<uint, RserpoolProcess>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                await StartServerAsync(rserpoolDll, registrarEndPoint, servers);
            }
            var nodeOptions = new RSerPoolNodeOptions
            {
                RegistrarClient = RegistrarClientSettings.Default with { StaticRegistrars = [IPEndPoint.Parse(registrarEndPoint)] },
            };
            await using var node = await RSerPoolNode.StartAsync(nodeOptions);
            await using var session = await PoolSession.ConnectAsync(node.System, node.Resolver, PoolHandle.FromString("EchoPool"),
                PoolSessionOptions.Default with { HeartbeatInterval = null });
            var answers = new AnswerLog();
            using var stop = new CancellationTokenSource();
            var receiving = Task.Run(async () =>
            {
                await foreach (var message in session.ReadAllAsync(stop.Token))
                {
                    answers.Record(message.PoolElementIdentifier);
                }
            });
            var sending = Task.Run(async () =>
            {
                long n = 0;
                while (!stop.IsCancellationRequested)
                {
                    await session.SendAsync(Encoding.ASCII.GetBytes($"request {++n}"), new SendOptions { AckRequested = true }, stop.Token);
                    await Task.Delay(1, stop.Token); // the PU's request pace
                }
            });

            var latencies = new List<double>();
            for (int trial = 0; trial < trials; trial++)
            {
                uint serving = await answers.NextAnswerFromAnyAsync(StepTimeout);
                if (!servers.Remove(serving, out var victim))
                {
                    throw new InvalidOperationException($"PE 0x{serving:x8} is not one of this harness's servers");
                }
                long killed = Stopwatch.GetTimestamp();
                victim.Signal(kill: true);
                long answered = await answers.FirstAnswerNotFromAsync(serving, StepTimeout);
                latencies.Add(Stopwatch.GetElapsedTime(killed, answered).TotalMilliseconds);
                await victim.DisposeAsync();
                await StartServerAsync(rserpoolDll, registrarEndPoint, servers);
            }
            await stop.CancelAsync();
            await Task.WhenAll(sending, receiving).ContinueWith(_ => { }, TaskScheduler.Default);
            return latencies;
        }
        finally
        {
            foreach (var server in servers.Values)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task StartServerAsync(string rserpoolDll, string registrar, Dictionary<uint, RserpoolProcess> servers)
    {
        var server = RserpoolProcess.StartExecutable(rserpoolDll, "server", "--pool", "EchoPool", "--service", "echo", "--registrar", registrar,
            "--asap-announce", "off", "--local", "127.0.0.1:0");
        var ready = await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})");
        servers[uint.Parse(ready.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = server;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
