using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Memory of another .NET process: its resident set (<c>/proc/PID/status</c> VmRSS) and its managed heap after a full
/// blocking GC, which the runtime performs when an EventPipe session enables the GCHeapCollect keyword (what
/// <c>dotnet-gcdump</c> does). The heap figure is the bytes that survived that GC (GCHeapStats: promoted bytes of every
/// generation, large and pinned object heaps included), so garbage does not count.
/// </summary>
public static class ProcessMemory
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Resident set size in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                string kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }

    /// <summary>Induces a full GC in process <paramref name="pid"/> and returns the managed bytes that survived it.</summary>
    public static async Task<long> LiveHeapAfterFullGcAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var providers = new[] { new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, keywords) };
        using EventPipeSession session = client.StartEventPipeSession(providers, requestRundown: false);
        var live = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new EventPipeEventSource(session.EventStream);
        bool induced = false;
        source.Clr.GCStart += (GCStartTraceData start) =>
        {
            if (start.Reason == GCReason.Induced && start.Depth == 2)
            {
                induced = true;
            }
        };
        source.Clr.GCHeapStats += (GCHeapStatsTraceData stats) =>
        {
            if (induced)
            {
                live.TrySetResult(stats.TotalPromotedSize0 + stats.TotalPromotedSize1 + stats.TotalPromotedSize2 + stats.TotalPromotedSize3 + stats.TotalPromotedSize4);
            }
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await live.Task.WaitAsync(Limit).ConfigureAwait(false);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await reading.WaitAsync(Limit).ConfigureAwait(false);
            source.Dispose();
        }
    }
}
