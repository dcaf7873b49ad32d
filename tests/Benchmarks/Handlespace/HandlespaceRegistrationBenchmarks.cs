// Issue 4 benchmark 1: register (new PE), re-register (update in place) and deregister per second on one pool of
// 1,000 / 100,000 / 1,000,000 PEs, single thread. One operation = one PE. Run:
//   dotnet run -c Release --project tests/Benchmarks -- --filter '*HandlespaceRegistration*'
using BenchmarkDotNet.Attributes;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

[Config(typeof(HandlespaceBenchmarkConfig))]
public class HandlespaceRegistrationBenchmarks
{
    private PoolElement[] _elements = null!;
    private PoolHandlespace _handlespace = null!;

    [Params(BenchPolicy.RoundRobin, BenchPolicy.LeastUsed, BenchPolicy.Random)]
    public BenchPolicy Policy { get; set; }

    [Params(1_000, 100_000, 1_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => _elements = HandlespaceWorkload.Elements(Policy, Size);

    [IterationSetup(Target = nameof(Register))]
    public void EmptyHandlespace() => _handlespace = HandlespaceWorkload.NewHandlespace();

    [IterationSetup(Targets = [nameof(Reregister), nameof(Deregister)])]
    public void FullHandlespace() => _handlespace = HandlespaceWorkload.Fill(_elements);

    /// <summary>Size new PEs into an empty handlespace (the pool grows from 0 to Size).</summary>
    [Benchmark]
    public int Register()
    {
        HandlespaceWorkload.Fill(_elements, _handlespace);
        return _handlespace.ElementCount;
    }

    /// <summary>Every PE re-registers once with identical data (update in place).</summary>
    [Benchmark]
    public int Reregister()
    {
        HandlespaceWorkload.Fill(_elements, _handlespace);
        return _handlespace.ElementCount;
    }

    /// <summary>Every PE deregisters (the pool shrinks from Size to 0).</summary>
    [Benchmark]
    public int Deregister()
    {
        foreach (PoolElement element in _elements)
        {
            _handlespace.Remove(HandlespaceWorkload.Handle, element.Identifier);
        }

        return _handlespace.ElementCount;
    }
}
