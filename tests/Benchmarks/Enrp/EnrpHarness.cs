using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Actors.Enrp;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Enrp;

/// <summary>
/// Issue 6 benchmarks (docs/bench-enrp.md): real <c>RegistrarActor</c>s peering by ENRP over TCP on loopback in this
/// process for (a) propagation latency of a registration at A until it resolves at B, (b) re-registrations/s at A with
/// one peer B receiving every Handle Update, (c) mentor sync of 100,000 PEs to a new registrar; and real
/// <c>rserpool registrar</c> processes for (c) again with a cold new process (<see cref="ProcessSyncHarness"/>) and
/// (d) takeover after SIGKILL of a registrar holding 1,000 PEs (<see cref="TakeoverHarness"/>). Each figure
/// is measured <c>runs</c> times and the median is printed in a table. Every loop is bounded and every wait has a timeout.
/// </summary>
public static class EnrpHarness
{
    public const int PropagationSamples = 1_000;
    public const int PropagationWarmup = 100;
    public const int ReregistrationConnections = 100;
    public const int ReregistrationPesPerConnection = 100;
    public const int ReregistrationRounds = 10;
    public const int SyncElements = 100_000;
    public const int SyncConnections = 20;
    public const int TakeoverElements = 1_000;

    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    public static void Run(int runs, string? rserpoolDll, string? only)
    {
        Console.WriteLine($"ENRP harness: {runs} runs per figure; load: {File.ReadAllText("/proc/loadavg").Trim()}");
        var rows = new List<string[]>();
        if (only is null or "propagation")
        {
            var p50 = new List<double>();
            var p99 = new List<double>();
            for (int run = 1; run <= runs; run++)
            {
                var (a, b) = MeasurePropagationAsync(run).GetAwaiter().GetResult();
                p50.Add(a);
                p99.Add(b);
                Print($"propagation run {run}: p50 {a:F2} ms, p99 {b:F2} ms");
            }

            rows.Add(["propagation A→B, p50", $"{Median(p50):F2} ms", Range(p50, "F2"), "", ""]);
            rows.Add(["propagation A→B, p99", $"{Median(p99):F2} ms", Range(p99, "F2"), "≤ 5 ms", Median(p99) <= 5 ? "met" : "missed"]);
        }

        if (only is null or "reregistration")
        {
            var withPeer = new List<double>();
            var alone = new List<double>();
            for (int run = 1; run <= runs; run++)
            {
                double rate = MeasureReregistrationAsync(run, withPeer: true).GetAwaiter().GetResult();
                double baseline = MeasureReregistrationAsync(run, withPeer: false).GetAwaiter().GetResult();
                withPeer.Add(rate);
                alone.Add(baseline);
                Print($"re-registration run {run}: {rate:F0}/s with peer (until B has all), {baseline:F0}/s without ENRP ({rate / baseline:P0})");
            }

            rows.Add(["re-registrations/s at A, peer B gets every update", $"{Median(withPeer):F0}/s", Range(withPeer, "F0"), "≥ 25,000/s", Median(withPeer) >= 25_000 ? "met" : "missed"]);
            rows.Add(["  same workload, registrar without ENRP", $"{Median(alone):F0}/s", Range(alone, "F0"), "", ""]);
        }

        if (only is null or "sync")
        {
            var total = new List<double>();
            MeasureMentorSyncAsync(runs, total).GetAwaiter().GetResult();
            rows.Add([$"mentor sync of {SyncElements:N0} PEs (in-process, warm)", $"{Median(total):F0} ms", Range(total, "F0"), "≤ 1,000 ms", Median(total) <= 1000 ? "met" : "missed"]);
        }

        string dll = rserpoolDll ?? Path.Combine("src", "Hosts", "bin", "Release", "net10.0", "rserpool.dll");
        if (only is "sync-process-defaults")
        {
            // The mentor with the defaults only (scripts/bench-compare.sh): one process sync per run.
            var times = ProcessSyncHarness.MeasureAsync(Path.GetFullPath(dll), SyncElements, runs, [[]]).GetAwaiter().GetResult();
            rows.Add([$"mentor sync of {SyncElements:N0} PEs, new registrar process (cold JIT)", $"{Median(times[0].Wall):F0} ms", Range(times[0].Wall, "F0"), "≤ 1,000 ms", Median(times[0].Wall) <= 1000 ? "met" : "missed"]);
            rows.Add(["  CPU spent meanwhile: new registrar / mentor", $"{Median(times[0].CpuNew):F0} / {Median(times[0].CpuMentor):F0} ms", "", "", ""]);
        }

        if (only is null or "sync-process")
        {
            if (!File.Exists(dll))
            {
                Console.WriteLine($"process sync skipped: {dll} not found (build src/Hosts first)");
            }
            else
            {
                // Alternating with the paging of the previous defaults (RSPLIB's 128 PEs per part, 16 KiB), for the ratio.
                string smallPages = Path.Combine(Path.GetTempPath(), $"enrp-harness-small-pages-{Environment.ProcessId}.conf");
                File.WriteAllText(smallPages, "rserpool.registrar.enrp {\n  max-elements-per-handle-table-response = 128\n  max-handle-table-response-bytes = 16384\n}\n");
                try
                {
                    var times = ProcessSyncHarness.MeasureAsync(Path.GetFullPath(dll), SyncElements, runs, [], ["--config", smallPages]).GetAwaiter().GetResult();
                    rows.Add([$"mentor sync of {SyncElements:N0} PEs, new registrar process (cold JIT)", $"{Median(times[0].Wall):F0} ms", Range(times[0].Wall, "F0"), "≤ 1,000 ms", Median(times[0].Wall) <= 1000 ? "met" : "missed"]);
                    rows.Add(["  CPU spent meanwhile: new registrar / mentor", $"{Median(times[0].CpuNew):F0} / {Median(times[0].CpuMentor):F0} ms", "", "", ""]);
                    rows.Add(["  same, mentor paging 128 PEs / 16 KiB (old defaults)", $"{Median(times[1].Wall):F0} ms", Range(times[1].Wall, "F0"), "≤ 1,000 ms", Median(times[1].Wall) <= 1000 ? "met" : "missed"]);
                    rows.Add(["  CPU spent meanwhile: new registrar / mentor", $"{Median(times[1].CpuNew):F0} / {Median(times[1].CpuMentor):F0} ms", "", "", ""]);
                }
                finally
                {
                    File.Delete(smallPages);
                }
            }
        }

        if (only is null or "takeover")
        {
            if (!File.Exists(dll))
            {
                Console.WriteLine($"takeover skipped: {dll} not found (build src/Hosts first)");
            }
            else
            {
                var times = new List<double>();
                var resolved = new List<double>();
                for (int run = 1; run <= runs; run++)
                {
                    var (ms, home) = TakeoverHarness.MeasureAsync(Path.GetFullPath(dll), TakeoverElements).GetAwaiter().GetResult();
                    times.Add(ms);
                    resolved.Add(home);
                    Print($"takeover run {run}: taker's log line {ms:F0} ms after SIGKILL, both survivors resolve with the new home after {home:F0} ms");
                }

                rows.Add([$"takeover after SIGKILL, {TakeoverElements:N0} PEs (taker done)", $"{Median(times):F0} ms", Range(times, "F0"), "≤ 2,000 ms", Median(times) <= 2000 ? "met" : "missed"]);
                rows.Add(["  …until both survivors resolve with the new home", $"{Median(resolved):F0} ms", Range(resolved, "F0"), "≤ 2,000 ms", Median(resolved) <= 2000 ? "met" : "missed"]);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| figure | median | runs (min–max) | target | |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }

    // (a) One new PE in a new pool per sample: registered at A, then B is asked to resolve that pool (one request in
    // flight) until it answers with the PE. Deregistered afterwards, so pools do not pile up.
    private static async Task<(double P50, double P99)> MeasurePropagationAsync(int run)
    {
        await using var a = await EnrpRegistrarNode.StartAsync(0xa0000001, enrp: true).ConfigureAwait(false);
        await using var b = await EnrpRegistrarNode.StartAsync(0xb0000002, enrp: true, a.Enrp).ConfigureAwait(false);
        await WaitForPeeringAsync(a, b).ConfigureAwait(false);
        using var pe = await AsapProbeClient.ConnectAsync(a.Asap).ConfigureAwait(false);
        using var pu = await AsapProbeClient.ConnectAsync(b.Asap).ConfigureAwait(false);
        var latencies = new List<double>(PropagationSamples);
        for (int i = 0; i < PropagationWarmup + PropagationSamples; i++)
        {
            var handle = PoolHandle.FromString($"prop-{run}-{i}");
            uint id = (uint)(i + 1);
            long start = Stopwatch.GetTimestamp();
            await pe.SendAsync(new AsapRegistration(handle, EnrpWorkload.Element(id))).ConfigureAwait(false);
            var resolve = new AsapHandleResolution(handle, 1);
            int polls = 0;
            while (true)
            {
                var response = (AsapHandleResolutionResponse)await pu.RequestAsync(resolve).ConfigureAwait(false);
                if (response.Error is null && response.PoolElements.Count > 0)
                {
                    break;
                }

                if (++polls > 1_000_000 || Stopwatch.GetElapsedTime(start) > StepLimit)
                {
                    throw new TimeoutException($"PE {id} never resolvable at B");
                }
            }

            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= PropagationWarmup)
            {
                latencies.Add(ms);
            }

            var registered = (AsapRegistrationResponse)await pe.ReceiveAsync().ConfigureAwait(false);
            if (registered.Rejected)
            {
                throw new InvalidOperationException("registration rejected");
            }

            await pe.RequestAsync(new AsapDeregistration(handle, id)).ConfigureAwait(false);
        }

        latencies.Sort();
        return (Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    // (b) 10,000 PEs over 100 connections at A, re-registered 10 times (each connection pipelines its 100), then a
    // marker PE registered at A is awaited at B: ENRP keeps order on A's one association to B, so B has applied every
    // update before the marker. Rate = re-registrations / time until the marker resolves at B (or, without ENRP,
    // until the last response at A).
    private static async Task<double> MeasureReregistrationAsync(int run, bool withPeer)
    {
        await using var a = await EnrpRegistrarNode.StartAsync(0xa0000011, enrp: withPeer).ConfigureAwait(false);
        EnrpRegistrarNode? b = null;
        try
        {
            if (withPeer)
            {
                b = await EnrpRegistrarNode.StartAsync(0xb0000012, enrp: true, a.Enrp).ConfigureAwait(false);
                await WaitForPeeringAsync(a, b).ConfigureAwait(false);
            }

            var handle = PoolHandle.FromString("BenchPool");
            var clients = new PipelinedAsapClient[ReregistrationConnections];
            var batches = new byte[ReregistrationConnections][];
            for (int c = 0; c < clients.Length; c++)
            {
                clients[c] = await PipelinedAsapClient.ConnectAsync(a.Asap).ConfigureAwait(false);
                batches[c] = EnrpWorkload.RegistrationBatch(handle, (uint)((c * 1000) + 1), ReregistrationPesPerConnection);
            }

            try
            {
                await RoundAsync(clients, batches).ConfigureAwait(false);   // registers every PE
                if (b is not null)
                {
                    await AwaitMarkerAsync(a, b, $"warm-{run}").ConfigureAwait(false);
                }

                long start = Stopwatch.GetTimestamp();
                for (int round = 0; round < ReregistrationRounds; round++)
                {
                    await RoundAsync(clients, batches).ConfigureAwait(false);
                }

                if (b is not null)
                {
                    await AwaitMarkerAsync(a, b, $"marker-{run}").ConfigureAwait(false);
                    var snapshot = await b.SnapshotAsync().ConfigureAwait(false);
                    int copies = snapshot.Elements.Count(e => e.OwnerId == a.Started.ServerId && e.PoolHandle == handle);
                    if (copies != ReregistrationConnections * ReregistrationPesPerConnection)
                    {
                        throw new InvalidOperationException($"B holds {copies} copies");
                    }
                }

                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                return ReregistrationRounds * ReregistrationConnections * ReregistrationPesPerConnection / seconds;
            }
            finally
            {
                foreach (var client in clients)
                {
                    client?.Dispose();
                }
            }
        }
        finally
        {
            if (b is not null)
            {
                await b.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task RoundAsync(PipelinedAsapClient[] clients, byte[][] batches)
    {
        var rounds = new Task<int>[clients.Length];
        for (int c = 0; c < clients.Length; c++)
        {
            rounds[c] = clients[c].RoundTripAsync(batches[c], ReregistrationPesPerConnection, (byte)AsapMessageType.RegistrationResponse);
        }

        int rejected = (await Task.WhenAll(rounds).WaitAsync(StepLimit).ConfigureAwait(false)).Sum();
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }
    }

    private static async Task AwaitMarkerAsync(EnrpRegistrarNode a, EnrpRegistrarNode b, string pool)
    {
        var handle = PoolHandle.FromString(pool);
        using var pe = await AsapProbeClient.ConnectAsync(a.Asap).ConfigureAwait(false);
        using var pu = await AsapProbeClient.ConnectAsync(b.Asap).ConfigureAwait(false);
        await pe.RequestAsync(new AsapRegistration(handle, EnrpWorkload.Element(0xfeed))).ConfigureAwait(false);
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            var response = (AsapHandleResolutionResponse)await pu.RequestAsync(new AsapHandleResolution(handle, 1)).ConfigureAwait(false);
            if (response.Error is null && response.PoolElements.Count > 0)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(start) > StepLimit)
            {
                throw new TimeoutException($"marker {pool} never resolvable at B");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    // (c) A holds 100,000 PEs (20 connections x 5,000, one pipelined write each); each run starts a new registrar with
    // A as its static peer and times from its start until the mentor download is complete (A InService at B; the
    // startup phase itself ends after mentor-discovery-timeout even if the download is not) and a handlespace snapshot
    // through its pools holds all 100,000 copies.
    private static async Task MeasureMentorSyncAsync(int runs, List<double> totals)
    {
        await using var a = await EnrpRegistrarNode.StartAsync(0xa0000021, enrp: true).ConfigureAwait(false);
        var handles = new[] { PoolHandle.FromString("SyncPoolA"), PoolHandle.FromString("SyncPoolB"), PoolHandle.FromString("SyncPoolC"), PoolHandle.FromString("SyncPoolD") };
        int perConnection = SyncElements / SyncConnections;
        var clients = new List<PipelinedAsapClient>();
        try
        {
            var loads = new List<Task<int>>();
            for (int c = 0; c < SyncConnections; c++)
            {
                var client = await PipelinedAsapClient.ConnectAsync(a.Asap).ConfigureAwait(false);
                clients.Add(client);
                byte[] batch = EnrpWorkload.RegistrationBatch(handles[c % handles.Length], (uint)((c * perConnection) + 1), perConnection);
                loads.Add(client.RoundTripAsync(batch, perConnection, (byte)AsapMessageType.RegistrationResponse));
            }

            int rejected = (await Task.WhenAll(loads).WaitAsync(StepLimit).ConfigureAwait(false)).Sum();
            if (rejected != 0)
            {
                throw new InvalidOperationException($"{rejected} registrations rejected");
            }

            for (int run = 1; run <= runs; run++)
            {
                uint id = 0xb0000100 + (uint)run;
                int gen0 = GC.CollectionCount(0);
                int gen2 = GC.CollectionCount(2);
                TimeSpan paused = GC.GetTotalPauseDuration();
                long start = Stopwatch.GetTimestamp();
                await using var b = await EnrpRegistrarNode.StartAsync(id, enrp: true, a.Enrp).ConfigureAwait(false);
                double bound = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                uint mentor = a.Started.ServerId;
                await b.WaitForStatusAsync(status => status.Peers.Any(p => p.ServerId == mentor && p.State == EnrpPeerState.InService), StepLimit).ConfigureAwait(false);
                double downloaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var snapshot = await b.SnapshotAsync().ConfigureAwait(false);
                double total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var status = await b.StatusAsync().ConfigureAwait(false);
                int copies = snapshot.Elements.Count(e => e.OwnerId == a.Started.ServerId);
                if (status.MentorId != a.Started.ServerId || copies != SyncElements)
                {
                    throw new InvalidOperationException($"sync run {run}: mentor 0x{status.MentorId:x8}, {copies} copies");
                }

                totals.Add(total);
                Print($"mentor sync run {run}: {total:F0} ms until all {copies:N0} copies are in B's pools (bound after {bound:F0} ms, download complete after {downloaded:F0} ms; "
                    + $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms)");
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task WaitForPeeringAsync(EnrpRegistrarNode a, EnrpRegistrarNode b)
    {
        uint aId = a.Started.ServerId;
        uint bId = b.Started.ServerId;
        await b.WaitForStatusAsync(s => !s.InStartup && s.Peers.Any(p => p.ServerId == aId && p.State == EnrpPeerState.InService), StepLimit).ConfigureAwait(false);
        await a.WaitForStatusAsync(s => s.Peers.Any(p => p.ServerId == bId && p.EndPoint is not null), StepLimit).ConfigureAwait(false);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : Percentile(sorted, 0.5);
    }

    private static string Range(List<double> values, string format) =>
        values.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)}");

    private static void Print(string line) => Console.WriteLine(line);
}
