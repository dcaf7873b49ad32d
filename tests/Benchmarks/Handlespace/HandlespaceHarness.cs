// Plain single-threaded harness for issue 4 benchmark 1 (the 1 M cases are impractical under BenchmarkDotNet's
// per-iteration setup): register / re-register / resolve (1 and 3 items) / deregister on one pool of 1,000,
// 100,000 and 1,000,000 PEs with RR, LU and RAND, plus 1,000 pools × 10 PEs resolving 3 items. Each figure is the
// median of `runs` runs (fresh handlespace per run); bytes allocated per resolution and retained bytes per PE are
// measured with the GC's counters. See docs/bench-handlespace.md for the command.
using System.Diagnostics;
using System.Globalization;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

public static class HandlespaceHarness
{
    private const int Resolutions = 1_000_000;

    /// <summary>Runs the matrix and prints one markdown table row per policy and size.</summary>
    public static void Run(int runs = 5)
    {
        // Warm-up: let tiered compilation reach optimised code for every path before anything is measured.
        TextWriter output = Console.Out;
        Console.SetOut(TextWriter.Null);
        // Tier-1 code is compiled in the background after a call-count delay: warm up for at least 2 s, then let
        // the background compilation finish.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (BenchPolicy policy in Enum.GetValues<BenchPolicy>())
            {
                RunSinglePool(policy, 2_000, runs: 1, resolutions: 20_000);
                RunManyPools(policy, runs: 1, resolutions: 20_000);
            }
        }

        Thread.Sleep(500);
        Console.SetOut(output);
        Console.WriteLine($"runs per figure: {runs} (median), M ops/s; CPU count {Environment.ProcessorCount}");
        Console.WriteLine("| Policy | PEs | resolve 1 | resolve 3 | register | re-register | deregister | B alloc/resolution | handlespace B/PE | retained B/PE (with transports, policies) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (BenchPolicy policy in Enum.GetValues<BenchPolicy>())
        {
            foreach (int size in new[] { 1_000, 100_000, 1_000_000 })
            {
                RunSinglePool(policy, size, runs);
            }
        }

        foreach (BenchPolicy policy in Enum.GetValues<BenchPolicy>())
        {
            RunManyPools(policy, runs);
        }
    }

    private static void RunSinglePool(BenchPolicy policy, int size, int runs, int resolutions = Resolutions)
    {
        var register = new List<double>();
        var reregister = new List<double>();
        var deregister = new List<double>();
        var resolveOne = new List<double>();
        var resolveThree = new List<double>();
        double allocatedPerResolution = 0;
        double handlespaceBytes = 0;
        double retainedBytes = 0;
        var destination = new PoolElementEntry[3];
        for (int run = 0; run < runs; run++)
        {
            long empty = GC.GetTotalMemory(forceFullCollection: true);
            PoolElement[]? elements = HandlespaceWorkload.Elements(policy, size);
            uint[] identifiers = elements.Select(e => e.Identifier).ToArray();
            long withRecords = GC.GetTotalMemory(forceFullCollection: true);
            PoolHandlespace handlespace = HandlespaceWorkload.NewHandlespace();

            var watch = Stopwatch.StartNew();
            HandlespaceWorkload.Fill(elements, handlespace);
            register.Add(Rate(size, watch));
            long filled = GC.GetTotalMemory(forceFullCollection: true);

            handlespaceBytes = (double)(filled - withRecords) / size;

            watch.Restart();
            HandlespaceWorkload.Fill(elements, handlespace);
            reregister.Add(Rate(size, watch));

            foreach ((int items, List<double> rates) in new[] { (1, resolveOne), (3, resolveThree) })
            {
                Span<PoolElementEntry> span = destination.AsSpan(0, items);
                for (int i = 0; i < resolutions / 20; i++)
                {
                    handlespace.TrySelect(HandlespaceWorkload.Handle, span, out _);
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread();
                watch.Restart();
                for (int i = 0; i < resolutions; i++)
                {
                    handlespace.TrySelect(HandlespaceWorkload.Handle, span, out _);
                }

                rates.Add(Rate(resolutions, watch));
                allocatedPerResolution = Math.Max(allocatedPerResolution, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / resolutions);
            }

            // Everything the handlespace retains once the decoded records are gone: entries, index structures, and
            // the user transports (with addresses) and policy values the entries refer to.
            elements = null;
            retainedBytes = (double)(GC.GetTotalMemory(forceFullCollection: true) - empty - (size * 4L)) / size;

            watch.Restart();
            foreach (uint identifier in identifiers)
            {
                handlespace.Remove(HandlespaceWorkload.Handle, identifier);
            }

            deregister.Add(Rate(size, watch));
            GC.KeepAlive(handlespace);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {policy} | {size:N0} | {Median(resolveOne):F2} | {Median(resolveThree):F2} | {Median(register):F2} | {Median(reregister):F2} | {Median(deregister):F2} | {allocatedPerResolution:F1} | {handlespaceBytes:F0} | {retainedBytes:F0} |"));
    }

    private static void RunManyPools(BenchPolicy policy, int runs, int resolutions = Resolutions)
    {
        const int Pools = 1_000;
        const int PerPool = 10;
        var rates = new List<double>();
        double allocatedPerResolution = 0;
        var destination = new PoolElementEntry[3];
        for (int run = 0; run < runs; run++)
        {
            PoolHandlespace handlespace = HandlespaceWorkload.NewHandlespace();
            var handles = new PoolHandle[Pools];
            for (int pool = 0; pool < Pools; pool++)
            {
                handles[pool] = PoolHandle.FromString(string.Create(CultureInfo.InvariantCulture, $"Pool-{pool:D5}"));
                for (int pe = 0; pe < PerPool; pe++)
                {
                    handlespace.Register(handles[pool], HandlespaceWorkload.Element(policy, (pool * PerPool) + pe), HandlespaceWorkload.OwnId, 1 + pool);
                }
            }

            for (int i = 0; i < resolutions / 20; i++)
            {
                handlespace.TrySelect(handles[i % Pools], destination, out _);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < resolutions; i++)
            {
                handlespace.TrySelect(handles[i % Pools], destination, out _);
            }

            rates.Add(Rate(resolutions, watch));
            allocatedPerResolution = Math.Max(allocatedPerResolution, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / resolutions);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {policy} | 1,000 pools × 10 | – | {Median(rates):F2} | – | – | – | {allocatedPerResolution:F1} | – | – |"));
    }

    private static double Rate(int operations, Stopwatch watch) => operations / watch.Elapsed.TotalSeconds / 1e6;

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
