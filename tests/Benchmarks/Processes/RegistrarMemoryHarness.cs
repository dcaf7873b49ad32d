using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Benchmarks.Enrp;
using RSerPool.Benchmarks.Registrar;
using RSerPool.Benchmarks.Support;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Registrar memory per PE (issue 12): a real <c>rserpool registrar</c> process (no ENRP, keep-alives off), 1,000
/// warm-up PEs, then <c>elements</c> PEs registered by raw ASAP connections (20 connections, one pipelined write each,
/// 4 pools, the ENRP harness's PEs: TCP transport, Least Used). Per run: RSS and the managed heap after a full GC, before
/// and after the load; the difference divided by the PEs is the figure. Every wait is bounded.
/// </summary>
public static class RegistrarMemoryHarness
{
    private const int Connections = 20;
    private const int WarmUpElements = 1_000;
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(120);

    public static void Run(string rserpoolDll, int runs, int elements, bool histogram = false)
    {
        Console.WriteLine($"registrar memory: {runs} runs, {elements:N0} PEs, {rserpoolDll}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        for (int run = 1; run <= runs; run++)
        {
            var (rss, heap) = MeasureAsync(Path.GetFullPath(rserpoolDll), elements, histogram).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registrar memory run {run}: RSS {rss:F0} B/PE, managed heap after full GC {heap:F0} B/PE"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT memory-rss-per-pe {rss:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT memory-heap-per-pe {heap:F0}"));
        }
    }

    private static async Task<(double RssPerPe, double HeapPerPe)> MeasureAsync(string dll, int elements, bool histogram)
    {
        await using var registrar = RserpoolProcess.StartExecutable(dll, "registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--server-id", "0xa1", "--keep-alive-interval", "3600s", "--max-registration-life", "24h");
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)").ConfigureAwait(false);
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
        var clients = new List<PipelinedAsapClient>();
        try
        {
            await LoadAsync(asap, clients, "WarmUp", 1, 0xf000_0000, WarmUpElements).ConfigureAwait(false);
            await ProcessOutput.WaitQuietAsync(registrar, StepLimit).ConfigureAwait(false);
            long heapBefore = await ProcessMemory.LiveHeapAfterFullGcAsync(registrar.Id).ConfigureAwait(false);
            long rssBefore = ProcessMemory.ResidentBytes(registrar.Id);
            await LoadAsync(asap, clients, "MemoryPool", Connections, 1, elements).ConfigureAwait(false);
            await ProcessOutput.WaitQuietAsync(registrar, StepLimit).ConfigureAwait(false);
            long heapAfter = await ProcessMemory.LiveHeapAfterFullGcAsync(registrar.Id).ConfigureAwait(false);
            long rssAfter = ProcessMemory.ResidentBytes(registrar.Id);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  RSS {rssBefore / 1e6:F1} → {rssAfter / 1e6:F1} MB, managed heap after full GC {heapBefore / 1e6:F1} → {heapAfter / 1e6:F1} MB"));
            if (histogram)
            {
                HeapHistogram.Print(registrar.Id, 25);
            }

            return ((double)(rssAfter - rssBefore) / elements, (double)(heapAfter - heapBefore) / elements);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Registers <paramref name="elements"/> PEs in <paramref name="pool"/> over <paramref name="connections"/> raw ASAP connections.</summary>
    internal static async Task LoadAsync(IPEndPoint asap, List<PipelinedAsapClient> clients, string pool, int connections, uint firstIdentifier, int elements)
    {
        int perConnection = elements / connections;
        var loads = new List<Task<int>>();
        for (int c = 0; c < connections; c++)
        {
            var client = await PipelinedAsapClient.ConnectAsync(asap).ConfigureAwait(false);
            clients.Add(client);
            byte[] batch = EnrpWorkload.RegistrationBatch(PoolHandle.FromString($"{pool}{c % 4}"), firstIdentifier + (uint)(c * perConnection), perConnection);
            loads.Add(client.RoundTripAsync(batch, perConnection, (byte)AsapMessageType.RegistrationResponse));
        }

        int rejected = (await Task.WhenAll(loads).WaitAsync(StepLimit).ConfigureAwait(false)).Sum();
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} registrations rejected");
        }
    }
}
