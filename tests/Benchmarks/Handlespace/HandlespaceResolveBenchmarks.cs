// Issue 4 benchmark 1: handle resolutions per second on one pool of 1,000 / 100,000 / 1,000,000 PEs, single thread,
// and bytes allocated per resolution (target 0). One operation = one resolution of `Items` PEs. Run:
//   dotnet run -c Release --project tests/Benchmarks -- --filter '*HandlespaceResolve*'
using BenchmarkDotNet.Attributes;
using RSerPool.Actors.Handlespace;

namespace RSerPool.Benchmarks.Handlespace;

[Config(typeof(HandlespaceBenchmarkConfig))]
public class HandlespaceResolveBenchmarks
{
    private const int Resolutions = 10_000;
    private readonly PoolElementEntry[] _destination = new PoolElementEntry[3];
    private PoolHandlespace _handlespace = null!;

    [Params(BenchPolicy.RoundRobin, BenchPolicy.LeastUsed, BenchPolicy.Random)]
    public BenchPolicy Policy { get; set; }

    [Params(1_000, 100_000, 1_000_000)]
    public int Size { get; set; }

    [Params(1, 3)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup() => _handlespace = HandlespaceWorkload.Fill(HandlespaceWorkload.Elements(Policy, Size));

    [Benchmark(OperationsPerInvoke = Resolutions)]
    public int Resolve()
    {
        Span<PoolElementEntry> destination = _destination.AsSpan(0, Items);
        int selected = 0;
        for (int i = 0; i < Resolutions; i++)
        {
            _handlespace.TrySelect(HandlespaceWorkload.Handle, destination, out int count);
            selected += count;
        }

        return selected;
    }
}
