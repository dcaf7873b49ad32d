// Issue 14 item 3: retained bytes per PE of the handlespace at 1 M PEs, transports and policies included, without the
// rest of handlespace-harness (whose table has the same "retained B/PE" column). PE records as the decoder builds them
// (HandlespaceWorkload: each PE its own transport, address array and address; LU PEs their own policy object).
//   dotnet tests/Benchmarks/bin/Release/net10.0/RSerPool.Benchmarks.dll handlespace-memory [PES] [RUNS]
using System.Globalization;
using System.Runtime.CompilerServices;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

public static class HandlespaceMemoryHarness
{
    public static void Run(int size, int runs)
    {
        Console.WriteLine($"handlespace memory: {size:N0} PEs, {runs} runs per policy; load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (BenchPolicy policy in Enum.GetValues<BenchPolicy>())
        {
            var retained = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                retained.Add(Measure(policy, size));
            }

            retained.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{policy}: retained {retained[retained.Count / 2]:F0} B/PE (median of {runs}: {string.Join(", ", retained.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT handlespace-retained-{policy} {retained[retained.Count / 2]:F0}"));
        }
    }

    // Its own frame, so that no stack slot of the caller keeps a previous run's handlespace alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Measure(BenchPolicy policy, int size)
    {
        long empty = GC.GetTotalMemory(forceFullCollection: true);
        PoolHandlespace handlespace = Fill(policy, size);
        double retained = (double)(GC.GetTotalMemory(forceFullCollection: true) - empty) / size;
        GC.KeepAlive(handlespace);
        return retained;
    }

    // The decoded records die with this frame; the handlespace keeps what it keeps of them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PoolHandlespace Fill(BenchPolicy policy, int size) => HandlespaceWorkload.Fill(HandlespaceWorkload.Elements(policy, size));
}
