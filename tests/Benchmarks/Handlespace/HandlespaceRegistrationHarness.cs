// Issue 14 item 3: what sharing values between PEs costs registration. One pool of PES PEs (Round Robin and Least
// Used, records as the decoder builds them): registration into a fresh handlespace, an unchanged re-registration of
// every PE, and (LU) a re-registration of every PE with a new load. Median of RUNS, M operations/s. Uses only the public
// handlespace API, so the same file runs against an older tree for a before/after comparison.
//   dotnet tests/Benchmarks/bin/Release/net10.0/RSerPool.Benchmarks.dll handlespace-registration [PES] [RUNS]
using System.Diagnostics;
using System.Globalization;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

public static class HandlespaceRegistrationHarness
{
    public static void Run(int size, int runs)
    {
        // Warm-up: tier-1 code for every path before anything is measured (as handlespace-harness does).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            Measure(2_000, 1, print: false);
        }

        Thread.Sleep(500);
        Console.WriteLine($"handlespace registration: {size:N0} PEs, {runs} runs; load {File.ReadAllText("/proc/loadavg").Trim()}");
        Measure(size, runs, print: true);
    }

    private static void Measure(int size, int runs, bool print)
    {
        foreach (BenchPolicy policy in new[] { BenchPolicy.RoundRobin, BenchPolicy.LeastUsed })
        {
            var register = new List<double>();
            var unchanged = new List<double>();
            var newLoad = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                PoolElement[] elements = HandlespaceWorkload.Elements(policy, size);
                PoolElement[] again = HandlespaceWorkload.Elements(policy, size);   // equal values, other objects (as decoded anew)
                PoolElement[] loaded = elements.Select((e, i) => e with { Policy = HandlespaceWorkload.Policy(policy, i + 7) }).ToArray();
                PoolHandlespace handlespace = HandlespaceWorkload.NewHandlespace();
                var watch = Stopwatch.StartNew();
                HandlespaceWorkload.Fill(elements, handlespace);
                register.Add(size / watch.Elapsed.TotalSeconds / 1e6);
                watch.Restart();
                HandlespaceWorkload.Fill(again, handlespace);
                unchanged.Add(size / watch.Elapsed.TotalSeconds / 1e6);
                watch.Restart();
                HandlespaceWorkload.Fill(loaded, handlespace);
                newLoad.Add(size / watch.Elapsed.TotalSeconds / 1e6);
            }

            if (!print)
            {
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT {policy} register {Median(register):F2} reregister-unchanged {Median(unchanged):F2} reregister-new-load {Median(newLoad):F2} M/s"));
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
