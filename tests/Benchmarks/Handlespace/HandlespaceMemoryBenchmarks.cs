// Issue 4 benchmark 1: retained memory per PE with 1,000,000 PEs in one pool (target ≤ 400 B; RSPLIB ≈ 520 MB).
// The global setup prints two figures: the handlespace alone (PE records already existed) and handlespace plus the
// PE records as decoded (PoolElement, transport, address, policy). The benchmark itself times one resolution at 1 M.
//   dotnet run -c Release --project tests/Benchmarks -- --filter '*HandlespaceMemory*'
using BenchmarkDotNet.Attributes;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

[Config(typeof(HandlespaceBenchmarkConfig))]
public class HandlespaceMemoryBenchmarks
{
    private const int Count = 1_000_000;
    private readonly PoolElementEntry[] _destination = new PoolElementEntry[1];
    private PoolHandlespace _handlespace = null!;

    [Params(BenchPolicy.RoundRobin, BenchPolicy.LeastUsed, BenchPolicy.Random)]
    public BenchPolicy Policy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        long start = GC.GetTotalMemory(forceFullCollection: true);
        PoolElement[] elements = HandlespaceWorkload.Elements(Policy, Count);
        long withRecords = GC.GetTotalMemory(forceFullCollection: true);
        _handlespace = HandlespaceWorkload.Fill(elements);
        long filled = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(elements);

        // The array of records (8 B per PE) belongs to the benchmark, not to the handlespace.
        double records = (double)(withRecords - start - (Count * 8L)) / Count;
        double handlespace = (double)(filled - withRecords) / Count;
        Console.WriteLine($"// MEMORY {Policy}: {Count} PEs; handlespace {handlespace:F0} B/PE; PE records {records:F0} B/PE; total {handlespace + records:F0} B/PE");
    }

    [Benchmark]
    public int ResolveOneAt1M()
    {
        _handlespace.TrySelect(HandlespaceWorkload.Handle, _destination, out int count);
        return count;
    }
}
