// "M ops/s" column: 1 / median time per operation. Registration benchmarks handle `Size` PEs per invocation, so
// their median is divided by Size first.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RSerPool.Benchmarks.Handlespace;

public sealed class OperationRateColumn : IColumn
{
    public string Id => nameof(OperationRateColumn);

    public string ColumnName => "M ops/s (median)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Millions of operations per second from the median (per PE for registration benchmarks)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        double nanosecondsPerOperation = statistics.Median;
        if (benchmarkCase.Descriptor.Type == typeof(HandlespaceRegistrationBenchmarks)
            && benchmarkCase.Parameters["Size"] is int size)
        {
            nanosecondsPerOperation /= size;
        }

        return (1e3 / nanosecondsPerOperation).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
