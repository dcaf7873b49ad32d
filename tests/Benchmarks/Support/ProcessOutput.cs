using System.Diagnostics;
using System.Globalization;
using RSerPool.Hosts.Tests.Support;

namespace RSerPool.Benchmarks.Support;

/// <summary>Waits for a registrar process's output to stand still.</summary>
internal static class ProcessOutput
{
    /// <summary>
    /// A registrar logs every registration (Information): after loading it with PEs, wait until its output has stood
    /// still for a second, so that log events still queued towards the console are neither counted as PE memory nor
    /// compete for the CPU with what is measured next.
    /// </summary>
    public static async Task WaitQuietAsync(RserpoolProcess registrar, TimeSpan limit)
    {
        long start = Stopwatch.GetTimestamp();
        int lines = -1;
        while (true)
        {
            await Task.Delay(1000).ConfigureAwait(false);
            int now = registrar.LinesMatching("^").Count;
            if (now == lines)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  registrar output quiet at {now:N0} lines after {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s"));
                return;
            }

            if (Stopwatch.GetElapsedTime(start) > limit)
            {
                throw new TimeoutException($"registrar output still growing after {limit}");
            }

            lines = now;
        }
    }
}
