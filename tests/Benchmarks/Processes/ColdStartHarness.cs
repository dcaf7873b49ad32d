using System.Diagnostics;
using System.Globalization;
using RSerPool.Hosts.Tests.Support;

namespace RSerPool.Benchmarks.Processes;

/// <summary>
/// Cold start of <c>rserpool registrar</c> (issue 12): from just before the process is started (<c>dotnet rserpool.dll
/// registrar ...</c>, ASAP and ENRP on loopback port 0, announcements off) until its <c>ready:</c> line has been read
/// from its output. Each run is a new process, stopped with SIGTERM afterwards (its exit is awaited, bounded).
/// </summary>
public static class ColdStartHarness
{
    public static void Run(string rserpoolDll, int runs)
    {
        string dll = Path.GetFullPath(rserpoolDll);
        Console.WriteLine($"cold start: {runs} runs, {dll}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        for (int run = 1; run <= runs; run++)
        {
            double ms = MeasureAsync(dll).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start run {run}: {ms:F0} ms from process start to the ready: line"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT cold-start-ms {ms:F1}"));
        }
    }

    private static async Task<double> MeasureAsync(string dll)
    {
        long start = Stopwatch.GetTimestamp();
        await using var registrar = RserpoolProcess.StartExecutable(dll, "registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0");
        await registrar.WaitForLineAsync("ready:").ConfigureAwait(false);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        registrar.Signal();
        await registrar.WaitForExitAsync().ConfigureAwait(false);
        return ms;
    }
}
