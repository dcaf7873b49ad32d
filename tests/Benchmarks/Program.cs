using BenchmarkDotNet.Running;

namespace RSerPool.Benchmarks;

// Entry point: `dotnet run -c Release --project tests/Benchmarks -- --filter '*'` (see BENCHMARKS.md).
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
