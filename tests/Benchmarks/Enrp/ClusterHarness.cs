using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Benchmarks.Support;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>
/// Issue 15 figures (docs/cluster.md "Figures"), real <c>rserpool registrar</c> processes on loopback:
/// <list type="bullet">
/// <item>takeover: three registrars (0xa1, 0xb2, 0xc3), 1,000 PEs and a marker at 0xa1, SIGKILL of 0xa1, time until
/// a survivor logs that it took them over; per round, interleaved: ENRP only (static <c>--peer</c>), cluster mode
/// (<c>--cluster</c>/<c>--seed</c>, no <c>--peer</c>), and cluster mode with RSPLIB's ENRP timers (5 s / 5 s), where
/// the cluster's removal, not ENRP's silence, starts the takeover.</item>
/// <item>join: a mentor in cluster mode holding 100,000 PEs; per round a new registrar process with only
/// <c>--seed</c>, timed from its process start (and from its ready line) to its download-complete line.</item>
/// <item>overhead: handle resolutions/s at 16 associations at one of three registrars, peered by <c>--peer</c> or in
/// cluster mode, interleaved per round.</item>
/// </list>
/// </summary>
public static class ClusterHarness
{
    private const int TakeoverElements = 1_000;
    private const int Associations = 16;
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);
    private static readonly string[] Modes = ["enrp", "cluster", "cluster-rsplib-timers"];

    public static void Run(string dll, int rounds, string figures)
    {
        dll = Path.GetFullPath(dll);
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        var rows = new List<string>();
        if (figures.Contains("takeover", StringComparison.Ordinal))
        {
            var times = Modes.ToDictionary(mode => mode, _ => new List<double>());
            string slowTimers = Path.Combine(Path.GetTempPath(), $"rserpool-rsplib-timers-{Environment.ProcessId}.conf");
            File.WriteAllText(slowTimers, "rserpool.registrar.enrp { max-time-last-heard = 5s, max-time-no-response = 5s, takeover-expiry = 5s }\n");
            try
            {
                for (int round = 1; round <= rounds; round++)
                {
                    foreach (string mode in Modes)
                    {
                        try
                        {
                            double ms = MeasureTakeoverAsync(dll, mode, slowTimers).GetAwaiter().GetResult();
                            times[mode].Add(ms);
                            Console.WriteLine($"takeover {mode} round {round}: {ms:F0} ms from SIGKILL to the taker's log line (load {File.ReadAllText("/proc/loadavg").Trim()})");
                        }
                        catch (TimeoutException e)
                        {
                            // Reported, not counted: e.g. a survivor falsely downed on an overloaded machine.
                            Console.WriteLine($"takeover {mode} round {round}: FAILED ({e.Message.Split('\n')[0]}; load {File.ReadAllText("/proc/loadavg").Trim()})");
                        }
                    }
                }
            }
            finally
            {
                File.Delete(slowTimers);
            }

            foreach (string mode in Modes.Where(mode => times[mode].Count > 0))
            {
                rows.Add($"| takeover after SIGKILL, {mode} | {Median(times[mode]):F0} ms | {times[mode].Min():F0}–{times[mode].Max():F0} |");
            }
        }

        if (figures.Contains("join", StringComparison.Ordinal))
        {
            var (fromStart, fromReady) = MeasureJoinAsync(dll, 100_000, rounds).GetAwaiter().GetResult();
            rows.Add($"| join: new registrar holds 100,000 PEs, from its process start | {Median(fromStart):F0} ms | {fromStart.Min():F0}–{fromStart.Max():F0} |");
            rows.Add($"| join: same, from its ready line | {Median(fromReady):F0} ms | {fromReady.Min():F0}–{fromReady.Max():F0} |");
        }

        if (figures.Contains("overhead", StringComparison.Ordinal))
        {
            bool single = figures.Contains("overhead-single", StringComparison.Ordinal);
            var rates = new Dictionary<string, List<double>> { ["enrp"] = [], ["cluster"] = [] };
            for (int round = 1; round <= rounds; round++)
            {
                foreach (string mode in rates.Keys)
                {
                    double rate = MeasureResolutionRateAsync(dll, mode == "cluster", single).GetAwaiter().GetResult();
                    rates[mode].Add(rate);
                    Console.WriteLine($"overhead {mode} round {round}: {rate:F0} handle resolutions/s at {Associations} associations (load {File.ReadAllText("/proc/loadavg").Trim()})");
                }
            }

            rows.Add($"| HR/s at {Associations} associations, 3 registrars peered by --peer | {Median(rates["enrp"]):F0} | {rates["enrp"].Min():F0}–{rates["enrp"].Max():F0} |");
            rows.Add($"| HR/s at {Associations} associations, 3 registrars in cluster mode | {Median(rates["cluster"]):F0} | {rates["cluster"].Min():F0}–{rates["cluster"].Max():F0} |");
            var ratios = rates["cluster"].Zip(rates["enrp"], (cluster, enrp) => 100 * cluster / enrp).ToList();
            rows.Add($"| cluster / --peer, per round (%) | {Median(ratios):F1} % | {ratios.Min():F1}–{ratios.Max():F1} |");
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| figure | median | runs (min–max) |");
        Console.WriteLine("| --- | --- | --- |");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<double> MeasureTakeoverAsync(string dll, string mode, string slowTimers)
    {
        bool cluster = mode != "enrp";
        string[] extra = mode == "cluster-rsplib-timers" ? ["--config", slowTimers] : [];
        var a = await StartRegistrarAsync(dll, "0xa1", cluster, null, extra).ConfigureAwait(false);
        await using var _ = a.Process;
        var b = await StartRegistrarAsync(dll, "0xb2", cluster, cluster ? a.Remote : null, [.. extra, .. cluster ? Array.Empty<string>() : ["--peer", a.Enrp]]).ConfigureAwait(false);
        await using var __ = b.Process;
        var c = await StartRegistrarAsync(dll, "0xc3", cluster, cluster ? a.Remote : null, [.. extra, .. cluster ? Array.Empty<string>() : ["--peer", a.Enrp, "--peer", b.Enrp]]).ConfigureAwait(false);
        await using var ___ = c.Process;
        await a.Process.WaitForLineAsync("new ENRP peer 0x000000c3").ConfigureAwait(false);
        await b.Process.WaitForLineAsync("new ENRP peer 0x000000c3").ConfigureAwait(false);
        await c.Process.WaitForLineAsync("new ENRP peer 0x000000b2").ConfigureAwait(false);
        await c.Process.WaitForLineAsync("new ENRP peer 0x000000a1").ConfigureAwait(false);
        if (cluster)
        {
            // All three Up in every view (a directory lists Up members only): a node killed while another is still
            // joining leaves the cluster unable to converge, and the split-brain resolver then downs every node.
            await a.Process.WaitForLineAsync("ENRP peers from the cluster: 0x000000b2 at .*, 0x000000c3 at").ConfigureAwait(false);
            await b.Process.WaitForLineAsync("ENRP peers from the cluster: 0x000000a1 at .*, 0x000000c3 at").ConfigureAwait(false);
            await c.Process.WaitForLineAsync("ENRP peers from the cluster: 0x000000a1 at .*, 0x000000b2 at").ConfigureAwait(false);
        }

        using var pes = await PipelinedAsapClient.ConnectAsync(a.Asap).ConfigureAwait(false);
        byte[] batch = EnrpWorkload.RegistrationBatch(PoolHandle.FromString("TakeoverPool"), 1, TakeoverElements);
        int rejected = await pes.RoundTripAsync(batch, TakeoverElements, (byte)AsapMessageType.RegistrationResponse).WaitAsync(StepLimit).ConfigureAwait(false);
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }

        var marker = PoolHandle.FromString("TakeoverMarker");
        using var markerPe = await AsapProbeClient.ConnectAsync(a.Asap).ConfigureAwait(false);
        await markerPe.RequestAsync(new AsapRegistration(marker, EnrpWorkload.Element(0xfeed))).ConfigureAwait(false);
        await TakeoverHarness.AwaitResolvableAsync(b.Asap, marker).ConfigureAwait(false);
        await TakeoverHarness.AwaitResolvableAsync(c.Asap, marker).ConfigureAwait(false);

        long killed = Stopwatch.GetTimestamp();
        a.Process.Signal(kill: true);
        string line = $"took over 0x000000a1: now home of its {TakeoverElements + 1} PEs";
        try
        {
            await Task.WhenAny(b.Process.WaitForLineAsync(line), c.Process.WaitForLineAsync(line)).Unwrap().ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            string prefix = Path.Combine(Path.GetTempPath(), $"cluster-harness-{mode}-{Environment.ProcessId}-{killed}");
            await File.WriteAllTextAsync($"{prefix}-b.log", b.Process.Output).ConfigureAwait(false);
            await File.WriteAllTextAsync($"{prefix}-c.log", c.Process.Output).ConfigureAwait(false);
            Console.WriteLine($"survivors' output in {prefix}-b.log and {prefix}-c.log");
            throw;
        }

        return Stopwatch.GetElapsedTime(killed).TotalMilliseconds;
    }

    // Closed loop: each of the associations keeps one Handle Resolution outstanding; counted for the measuring window
    // after a warm-up, at registrar 0xa1 of three (the others idle), peered by --peer or by the cluster.
    private static async Task<double> MeasureResolutionRateAsync(string dll, bool cluster, bool single)
    {
        var a = await StartRegistrarAsync(dll, "0xa1", cluster, null, []).ConfigureAwait(false);
        await using var _ = a.Process;
        if (!single)
        {
            var b = await StartRegistrarAsync(dll, "0xb2", cluster, a.Remote, cluster ? [] : ["--peer", a.Enrp]).ConfigureAwait(false);
            await using var __ = b.Process;
            var c = await StartRegistrarAsync(dll, "0xc3", cluster, a.Remote, cluster ? [] : ["--peer", a.Enrp, "--peer", b.Enrp]).ConfigureAwait(false);
            await using var ___ = c.Process;
            await a.Process.WaitForLineAsync("new ENRP peer 0x000000c3").ConfigureAwait(false);
            using var aProcess = Process.GetProcessById(a.Process.Id);
            using var bProcess = Process.GetProcessById(b.Process.Id);
            using var cProcess = Process.GetProcessById(c.Process.Id);
            await WaitCpuQuietAsync(aProcess, bProcess, cProcess).ConfigureAwait(false);   // start-up (JIT, cluster join) over
            var before = new[] { aProcess, bProcess, cProcess }.Select(p => p.TotalProcessorTime).ToArray();
            double rate = await MeasureRateAtAsync(a.Asap).ConfigureAwait(false);
            var used = new[] { aProcess, bProcess, cProcess }.Select((p, i) => { p.Refresh(); return (p.TotalProcessorTime - before[i]).TotalMilliseconds; }).ToArray();
            Console.WriteLine($"  CPU during the run (ms): A {used[0]:F0}, B {used[1]:F0}, C {used[2]:F0}; A's unreachable marks: {a.Process.LinesMatching("UNREACHABLE").Count}, B's: {b.Process.LinesMatching("UNREACHABLE").Count}");
            return rate;
        }

        return await MeasureRateAtAsync(a.Asap).ConfigureAwait(false);
    }

    // Until each process used under 5 % of a core over one second (bounded: 60 s), so that the start-up of the idle
    // peers does not take the CPU from the measured registrar.
    private static async Task WaitCpuQuietAsync(params Process[] processes)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(60))
        {
            var before = processes.Select(p => { p.Refresh(); return p.TotalProcessorTime; }).ToArray();
            await Task.Delay(1000).ConfigureAwait(false);
            if (processes.Select((p, i) => { p.Refresh(); return (p.TotalProcessorTime - before[i]).TotalMilliseconds; }).All(ms => ms < 50))
            {
                return;
            }
        }
    }

    private static async Task<double> MeasureRateAtAsync(IPEndPoint asap)
    {
        var handle = PoolHandle.FromString("bench-hr");
        using var pe = await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false);
        for (uint id = 1; id <= 10; id++)
        {
            await pe.RequestAsync(new AsapRegistration(handle, EnrpWorkload.Element(id))).ConfigureAwait(false);
        }

        var clients = new List<AsapProbeClient>();
        for (int n = 0; n < Associations; n++)
        {
            clients.Add(await AsapProbeClient.ConnectAsync(asap).ConfigureAwait(false));
        }

        try
        {
            long counted = 0;
            bool counting = false;
            using var stop = new CancellationTokenSource();
            var loops = clients.Select(client => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await client.RequestAsync(new AsapHandleResolution(handle, 3)).ConfigureAwait(false);
                    if (Volatile.Read(ref counting))
                    {
                        Interlocked.Increment(ref counted);
                    }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);   // warm-up (JIT, connection buffers)
            Volatile.Write(ref counting, true);
            long start = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);   // the measuring window
            long total = Interlocked.Read(ref counted);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(loops).WaitAsync(StepLimit).ConfigureAwait(false);
            return total / seconds;
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static async Task<(List<double> FromStart, List<double> FromReady)> MeasureJoinAsync(string dll, int elements, int rounds)
    {
        var clients = new List<PipelinedAsapClient>();
        var mentor = await StartRegistrarAsync(dll, "0xa1", cluster: true, null, []).ConfigureAwait(false);
        await using var _ = mentor.Process;
        try
        {
            await ProcessSyncHarness.LoadAsync(mentor.Asap, elements, clients).ConfigureAwait(false);
            await ProcessOutput.WaitQuietAsync(mentor.Process, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            var fromStart = new List<double>();
            var fromReady = new List<double>();
            for (int round = 1; round <= rounds; round++)
            {
                long start = Stopwatch.GetTimestamp();
                await using var b = RserpoolProcess.StartExecutable(dll, [.. Arguments($"0xb{round:x}", cluster: true, mentor.Remote), "--log-level", "info"]);
                await b.WaitForLineAsync("ready: ASAP on TCP").ConfigureAwait(false);
                double ready = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var done = await b.WaitForLineAsync(@"handlespace download from 0x000000a1 complete: (\d+) PEs known").ConfigureAwait(false);
                double total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (done.Groups[1].Value != elements.ToString(CultureInfo.InvariantCulture))
                {
                    throw new InvalidOperationException($"B knows {done.Groups[1].Value} PEs");
                }

                fromStart.Add(total);
                fromReady.Add(total - ready);
                Console.WriteLine($"join round {round}: {elements} PEs held {total:F0} ms after the process start, {total - ready:F0} ms after its ready line (load {File.ReadAllText("/proc/loadavg").Trim()})");
                b.Signal();
                await b.WaitForExitAsync().ConfigureAwait(false);
                await mentor.Process.WaitForLineAsync($"registrar node .* removed from the cluster").ConfigureAwait(false);
            }

            return (fromStart, fromReady);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static string[] Arguments(string serverId, bool cluster, string? seed) =>
        ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0", "--server-id", serverId,
         "--keep-alive-interval", "3600s", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", "--max-registration-life", "24h",
         .. cluster ? ["--cluster", "127.0.0.1:0"] : Array.Empty<string>(), .. seed is null ? Array.Empty<string>() : ["--seed", seed]];

    private static async Task<(RserpoolProcess Process, IPEndPoint Asap, string Enrp, string? Remote)> StartRegistrarAsync(
        string dll, string serverId, bool cluster, string? seed, string[] extra)
    {
        var process = RserpoolProcess.StartExecutable(dll, [.. Arguments(serverId, cluster, seed), .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP (127\.0\.0\.1:\d+)").ConfigureAwait(false);
        string? remote = null;
        if (cluster)
        {
            var clustered = await process.WaitForLineAsync(@"in cluster mode: akka\.tcp://rserpool@(127\.0\.0\.1:\d+)").ConfigureAwait(false);
            remote = clustered.Groups[1].Value;
        }

        return (process, new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)), ready.Groups[2].Value, remote);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
