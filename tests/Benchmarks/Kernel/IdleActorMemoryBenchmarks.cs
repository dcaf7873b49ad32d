using BenchmarkDotNet.Attributes;
using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Benchmarks.Kernel;

/// <summary>
/// Idle-actor footprint. <see cref="Setup"/> runs <see cref="IdleActorMemoryHarness"/> (retained bytes per idle actor,
/// 100,000 actors) and prints it to the benchmark log; the benchmark itself reports the bytes allocated to create and
/// start 10,000 actors (an upper bound that includes transient garbage).
/// </summary>
[MemoryDiagnoser]
public class IdleActorMemoryBenchmarks
{
    private const int Actors = 10_000;

    [GlobalSetup]
    public void Setup() => IdleActorMemoryHarness.Run();

    [Benchmark(OperationsPerInvoke = Actors)]
    public int CreateAndStartIdleActors()
    {
        var dispatcher = new ManualDispatcher();
        var system = ActorSystem.Create("idle", new ActorSystemSettings { Dispatcher = dispatcher, Logger = Serilog.Core.Logger.None });
        var props = Props.Create<IdleActor>();
        for (var i = 0; i < Actors; i++)
            system.ActorOf(props);
        var runs = dispatcher.RunUntilIdle();
        system.Terminate();
        dispatcher.RunUntilIdle();
        return runs;
    }
}
