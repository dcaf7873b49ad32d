using System.Globalization;
using BenchmarkDotNet.Running;
using RSerPool.Benchmarks.Handlespace;

namespace RSerPool.Benchmarks;

// Entry point: `dotnet run -c Release --project tests/Benchmarks -- --filter '*'` (BenchmarkDotNet), or
// `dotnet run -c Release --project tests/Benchmarks -- handlespace-harness [RUNS]` (plain harness, docs/bench-handlespace.md).
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "handlespace-harness")
        {
            HandlespaceHarness.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
