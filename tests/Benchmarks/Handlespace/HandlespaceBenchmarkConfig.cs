// Configuration of the handlespace benchmarks: 1 launch, 3 warm-up and 7 measured iterations (median reported),
// memory diagnoser, and a rate column in operations per second.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace RSerPool.Benchmarks.Handlespace;

public sealed class HandlespaceBenchmarkConfig : ManualConfig
{
    public HandlespaceBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(7));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        AddColumn(new OperationRateColumn());
    }
}
