using System.Diagnostics;

namespace RSerPool.Benchmarks.Registrar;

/// <summary>
/// Per-request round-trip latency on one connection with one request in flight (issue 4 benchmark 2: p50/p99 at one
/// connection): times <c>count</c> round trips after <c>warmup</c> untimed ones and prints the percentiles.
/// </summary>
public static class RoundTripLatencyHarness
{
    public static (double P50Microseconds, double P99Microseconds) Measure(PipelinedAsapClient client, byte[] request, byte responseType, int count = 20_000, int warmup = 2_000)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (int i = 0; i < warmup; i++)
        {
            client.RoundTripAsync(request, 1, responseType).GetAwaiter().GetResult();
        }

        var ticks = new long[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            client.RoundTripAsync(request, 1, responseType).GetAwaiter().GetResult();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        return (Microseconds(ticks[count / 2]), Microseconds(ticks[(int)(count * 0.99)]));
    }

    public static void Run(string server, PipelinedAsapClient client, byte[] request, byte responseType)
    {
        var (p50, p99) = Measure(client, request, responseType);
        Console.WriteLine($"round-trip latency ({server}, 1 connection): p50 {p50:F1} us, p99 {p99:F1} us");
    }

    private static double Microseconds(long ticks) => ticks * 1e6 / Stopwatch.Frequency;
}
