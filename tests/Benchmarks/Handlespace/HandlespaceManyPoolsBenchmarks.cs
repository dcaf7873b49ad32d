// Issue 4 benchmark 1: 1,000 pools × 10 PEs, each resolution asks for 3 items, cycling through the pools. Run:
//   dotnet run -c Release --project tests/Benchmarks -- --filter '*HandlespaceManyPools*'
using BenchmarkDotNet.Attributes;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

[Config(typeof(HandlespaceBenchmarkConfig))]
public class HandlespaceManyPoolsBenchmarks
{
    private const int Pools = 1_000;
    private const int ElementsPerPool = 10;
    private readonly PoolElementEntry[] _destination = new PoolElementEntry[3];
    private PoolHandle[] _handles = null!;
    private PoolHandlespace _handlespace = null!;

    [Params(BenchPolicy.RoundRobin, BenchPolicy.LeastUsed, BenchPolicy.Random)]
    public BenchPolicy Policy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _handlespace = HandlespaceWorkload.NewHandlespace();
        _handles = new PoolHandle[Pools];
        for (int pool = 0; pool < Pools; pool++)
        {
            // Handles as received from the wire: a fresh byte array per request is not needed, one per pool is.
            _handles[pool] = PoolHandle.FromString($"Pool-{pool:D5}");
            for (int pe = 0; pe < ElementsPerPool; pe++)
            {
                _handlespace.Register(_handles[pool], HandlespaceWorkload.Element(Policy, (pool * ElementsPerPool) + pe), HandlespaceWorkload.OwnId, 1 + pool);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Pools * 10)]
    public int Resolve3()
    {
        int selected = 0;
        for (int round = 0; round < 10; round++)
        {
            foreach (PoolHandle handle in _handles)
            {
                _handlespace.TrySelect(handle, _destination, out int count);
                selected += count;
            }
        }

        return selected;
    }
}
