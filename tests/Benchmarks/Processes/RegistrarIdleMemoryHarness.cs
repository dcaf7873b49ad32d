using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Benchmarks.Support;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Issue 14 item 3: does a registrar give its memory back once the PEs or the load are gone? A real
/// <c>rserpool registrar</c> (no ENRP, keep-alives 1 h); its idle RSS is read once its output has stood still after
/// start. Per round: <c>elements</c> PEs registered over 20 raw ASAP connections, then a flood of handle resolutions
/// (pipelined batches, bounded in count), then the connections close (the registrar removes their PEs). The RSS is
/// read every 200 ms until it is within 1.5x the idle RSS or 60 s have passed. Prints the peak RSS and the time to
/// come back. Every wait is bounded.
/// </summary>
public static class RegistrarIdleMemoryHarness
{
    private const int Connections = 20;
    private const double Factor = 1.5;
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ReturnLimit = TimeSpan.FromSeconds(60);

    public static void Run(string rserpoolDll, int rounds, int elements, int resolutions, string[] registrarArgs)
    {
        Console.WriteLine($"registrar idle memory: {rounds} rounds, {elements:N0} PEs, {resolutions:N0} resolutions, {rserpoolDll} {string.Join(' ', registrarArgs)}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        RunAsync(Path.GetFullPath(rserpoolDll), rounds, elements, resolutions, registrarArgs).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(string dll, int rounds, int elements, int resolutions, string[] registrarArgs)
    {
        await using var registrar = RserpoolProcess.StartExecutable(dll, ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--server-id", "0xa2", "--keep-alive-interval", "3600s", "--max-registration-life", "24h", "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", .. registrarArgs]);
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)").ConfigureAwait(false);
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
        await ProcessOutput.WaitQuietAsync(registrar, StepLimit).ConfigureAwait(false);
        long idle = ProcessMemory.ResidentBytes(registrar.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  idle RSS {idle / 1e6:F1} MB; limit {Factor * idle / 1e6:F1} MB"));
        for (int round = 1; round <= rounds; round++)
        {
            var clients = new List<PipelinedAsapClient>();
            var cpu = Process.GetProcessById(registrar.Id);
            TimeSpan cpuBefore = cpu.TotalProcessorTime;
            long peak;
            try
            {
                var watch = Stopwatch.StartNew();
                await RegistrarMemoryHarness.LoadAsync(asap, clients, $"Idle{round}-", Connections, 1, elements).ConfigureAwait(false);
                double registerSeconds = watch.Elapsed.TotalSeconds;
                peak = ProcessMemory.ResidentBytes(registrar.Id);
                watch.Restart();
                await FloodAsync(clients, $"Idle{round}-", resolutions).ConfigureAwait(false);
                double floodSeconds = watch.Elapsed.TotalSeconds;
                peak = Math.Max(peak, ProcessMemory.ResidentBytes(registrar.Id));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round}: {elements:N0} PEs in {registerSeconds:F1} s ({elements / registerSeconds:F0}/s), {resolutions:N0} resolutions in {floodSeconds:F1} s ({resolutions / floodSeconds:F0}/s), RSS {peak / 1e6:F1} MB"));
                await AwaitTrimWithPesHeldAsync(registrar, round).ConfigureAwait(false);
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }

            var back = Stopwatch.StartNew();
            long rss = ProcessMemory.ResidentBytes(registrar.Id);
            while (rss > Factor * idle && back.Elapsed < ReturnLimit)
            {
                await Task.Delay(200).ConfigureAwait(false);
                rss = ProcessMemory.ResidentBytes(registrar.Id);
            }

            bool returned = rss <= Factor * idle;
            cpu.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: after close RSS {rss / 1e6:F1} MB ({rss / (double)idle:F2}x idle) {(returned ? "after" : "NOT BACK after")} {back.Elapsed.TotalSeconds:F1} s; registrar CPU this round {(cpu.TotalProcessorTime - cpuBefore).TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT idle-rss-mb {idle / 1e6:F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT peak-rss-mb {peak / 1e6:F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT return-seconds {(returned ? back.Elapsed.TotalSeconds : double.PositiveInfinity):F1}"));
        }
    }

    /// <summary>
    /// The load is gone but the PEs stay (keep-alives 1 h, so the registrar is idle): waits up to 30 s for the idle trim's
    /// log line and prints its pause and the RSS with the PEs still held.
    /// </summary>
    private static async Task AwaitTrimWithPesHeldAsync(RserpoolProcess registrar, int round)
    {
        const string Trimmed = @"memory given back, resident (\d+) MB -> (\d+) MB in (\d+) ms";
        int before = registrar.LinesMatching(Trimmed).Count;
        var since = Stopwatch.StartNew();
        while (registrar.LinesMatching(Trimmed).Count == before && since.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200).ConfigureAwait(false);
        }

        IReadOnlyList<string> lines = registrar.LinesMatching(Trimmed);
        if (lines.Count == before)
        {
            Console.WriteLine($"  round {round}: PEs held, load gone: no trim within 30 s, RSS {ProcessMemory.ResidentBytes(registrar.Id) / 1e6:F1} MB");
            return;
        }

        var match = System.Text.RegularExpressions.Regex.Match(lines[^1], Trimmed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  round {round}: PEs held, load gone: trimmed after {since.Elapsed.TotalSeconds:F1} s, {match.Groups[1].Value} -> {match.Groups[2].Value} MB, pause {match.Groups[3].Value} ms; RSS now {ProcessMemory.ResidentBytes(registrar.Id) / 1e6:F1} MB"));
        Console.WriteLine($"RESULT trim-pause-ms {match.Groups[3].Value}");
    }

    /// <summary>Handle resolutions for the loaded pools: each connection sends batches of 1,000 and reads the answers.</summary>
    private static async Task FloodAsync(List<PipelinedAsapClient> clients, string pool, int resolutions)
    {
        if (resolutions <= 0)
        {
            return;
        }

        const int Batch = 1_000;
        int batchesPerClient = Math.Max(1, resolutions / Batch / clients.Count);
        var floods = clients.Select(async (client, index) =>
        {
            var stream = new MemoryStream();
            byte[] one = AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString($"{pool}{index % 4}"), 3));
            for (int i = 0; i < Batch; i++)
            {
                stream.Write(one);
            }

            byte[] batch = stream.ToArray();
            for (int b = 0; b < batchesPerClient; b++)
            {
                await client.RoundTripAsync(batch, Batch, (byte)AsapMessageType.HandleResolutionResponse).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(floods).WaitAsync(StepLimit).ConfigureAwait(false);
    }
}
