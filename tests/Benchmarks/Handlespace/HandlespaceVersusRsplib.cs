// Issue 14 item 2: every policy at 100,000 PEs, the same workloads as scripts/bench/handlespace-rsplib-driver.c runs
// against RSPLIB's handlespace (the two are compared by scripts/bench/handlespace-vs-rsplib.sh, docs/bench-handlespace.md):
// register, re-register unchanged and re-register with a new load (6 passes each, median), resolve 1 and 3 items,
// deregister. Prints "RESULT <policy> <operation> <M ops/s>" lines; one round per call, after a warm-up for tiered
// compilation. Rates are per CPU second of the process (ProcessCpuClock), as the driver's.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;

namespace RSerPool.Benchmarks.Handlespace;

public static class HandlespaceVersusRsplib
{
    private const int Batch = 1_000;
    private const int MaxBatches = 20_000;
    private const int Passes = 6;

    /// <summary>The 16 wire-usable policies, in the driver's order and with its names.</summary>
    public static readonly PolicyType[] Policies =
    [
        PolicyType.RoundRobin,
        PolicyType.WeightedRoundRobin,
        PolicyType.Random,
        PolicyType.WeightedRandom,
        PolicyType.Priority,
        PolicyType.LeastUsed,
        PolicyType.LeastUsedWithDegradation,
        PolicyType.PriorityLeastUsed,
        PolicyType.RandomizedLeastUsed,
        PolicyType.RandomizedPriorityLeastUsed,
        PolicyType.RandomizedLeastUsedWithDegradation,
        PolicyType.PriorityLeastUsedWithDegradation,
        PolicyType.RandomizedPriorityLeastUsedWithDegradation,
        PolicyType.WeightedRandomWithDpf,
        PolicyType.LeastUsedWithDpf,
        PolicyType.LeastUsedWithDegradationAndDpf,
    ];

    public static void Run(int elements, double minSeconds, string? only)
    {
        TextWriter output = Console.Out;
        Console.SetOut(TextWriter.Null);
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (PolicyType policy in Policies)
            {
                RunPolicy(policy, 2_000, 0.002);
            }
        }

        Thread.Sleep(500);
        Console.SetOut(output);
        foreach (PolicyType policy in Policies)
        {
            if (only is null || only == policy.ToString())
            {
                RunPolicy(policy, elements, minSeconds);
            }
        }
    }

    /// <summary>The policy values of PE <paramref name="index"/> (the driver's workload; see its header).</summary>
    public static PoolMemberSelectionPolicy Policy(PolicyType type, int index, bool newLoad)
    {
        int i = index;
        uint weight = 1 + (uint)((newLoad ? i + 8 : i) % 16);
        uint load = (uint)((newLoad ? i + 500 : i) % 1000) * 4_000_000u;
        const uint LoadDegradation = 0x00100000;
        const uint Dpf = 0x00010000;
        uint distance = (uint)(i % 100);
        return type switch
        {
            PolicyType.RoundRobin => PoolMemberSelectionPolicy.RoundRobin(),
            PolicyType.WeightedRoundRobin => PoolMemberSelectionPolicy.WeightedRoundRobin(weight),
            PolicyType.Random => PoolMemberSelectionPolicy.Random(),
            PolicyType.WeightedRandom => PoolMemberSelectionPolicy.WeightedRandom(weight),
            PolicyType.Priority => PoolMemberSelectionPolicy.PriorityPolicy(weight),
            PolicyType.LeastUsed => PoolMemberSelectionPolicy.LeastUsed(load),
            PolicyType.LeastUsedWithDegradation => PoolMemberSelectionPolicy.LeastUsedWithDegradation(load, LoadDegradation),
            PolicyType.PriorityLeastUsed => PoolMemberSelectionPolicy.PriorityLeastUsed(load, LoadDegradation),
            PolicyType.RandomizedLeastUsed => PoolMemberSelectionPolicy.RandomizedLeastUsed(load),
            PolicyType.RandomizedPriorityLeastUsed => PoolMemberSelectionPolicy.RandomizedPriorityLeastUsed(load, LoadDegradation),
            PolicyType.RandomizedLeastUsedWithDegradation => PoolMemberSelectionPolicy.RandomizedLeastUsedWithDegradation(load, LoadDegradation),
            PolicyType.PriorityLeastUsedWithDegradation => PoolMemberSelectionPolicy.PriorityLeastUsedWithDegradation(load, LoadDegradation),
            PolicyType.RandomizedPriorityLeastUsedWithDegradation => PoolMemberSelectionPolicy.RandomizedPriorityLeastUsedWithDegradation(load, LoadDegradation),
            PolicyType.WeightedRandomWithDpf => PoolMemberSelectionPolicy.WeightedRandomWithDpf(weight, Dpf, distance),
            PolicyType.LeastUsedWithDpf => PoolMemberSelectionPolicy.LeastUsedWithDpf(load, Dpf, distance),
            PolicyType.LeastUsedWithDegradationAndDpf => PoolMemberSelectionPolicy.LeastUsedWithDegradationAndDpf(load, LoadDegradation, Dpf, distance),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a benchmarked policy"),
        };
    }

    private static PoolElement Element(PolicyType type, int index, bool newLoad, bool hasValues)
    {
        // Policies without values change the transport port instead (as the driver does).
        int portOffset = newLoad && !hasValues ? 1 : 0;
        var transport = new TcpTransport(
            (ushort)(1024 + (index % 60000) + portOffset),
            TransportUse.DataOnly,
            [new IPAddress(0x0100000A + ((uint)(index >> 16) << 24))]);
        return new PoolElement((uint)index + 1, 0, 90_000, transport, Policy(type, index, newLoad));
    }

    private static void RunPolicy(PolicyType type, int count, double minSeconds)
    {
        bool hasValues = !Policy(type, 0, false).Values.IsEmpty;
        var plain = new PoolElement[count];
        var changed = new PoolElement[count];
        for (int i = 0; i < count; i++)
        {
            plain[i] = Element(type, i, newLoad: false, hasValues);
            changed[i] = Element(type, i, newLoad: true, hasValues);
        }

        PoolHandlespace handlespace = HandlespaceWorkload.NewHandlespace();
        // Registration of new PEs: one pass. Re-registration: Passes passes each, the median printed; the "new load"
        // passes alternate between the new and the original values, so every pass changes every PE.
        string[] names = ["register", "reregister-unchanged", "reregister-newload"];
        var rates = new List<double>();
        for (int kind = 0; kind < 3; kind++)
        {
            rates.Clear();
            int passes = kind == 0 ? 1 : Passes;

            // The setup's garbage is collected before the clock runs, not by GC threads during the timed passes.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            for (int pass = 0; pass < passes; pass++)
            {
                PoolElement[] elements = kind == 2 && pass % 2 == 0 ? changed : plain;
                double start = ProcessCpuClock.Seconds;
                for (int i = 0; i < elements.Length; i++)
                {
                    if (!handlespace.Register(HandlespaceWorkload.Handle, elements[i], HandlespaceWorkload.OwnId, 1 + (i % 100)).IsAccepted)
                    {
                        throw new InvalidOperationException($"registration of PE {i + 1} was refused");
                    }
                }

                rates.Add(count / (ProcessCpuClock.Seconds - start) / 1e6);
            }

            rates.Sort();
            double median = rates.Count % 2 == 1 ? rates[rates.Count / 2] : (rates[(rates.Count / 2) - 1] + rates[rates.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {type} {names[kind]} {median:F4}"));
        }

        var destination = new PoolElementEntry[3];
        GC.Collect();
        foreach (int items in new[] { 1, 3 })
        {
            Span<PoolElementEntry> span = destination.AsSpan(0, items);
            for (int i = 0; i < Batch; i++)
            {
                handlespace.TrySelect(HandlespaceWorkload.Handle, span, out _);
            }

            long done = 0;
            double start = ProcessCpuClock.Seconds;
            double elapsed = 0;
            for (int batch = 0; batch < MaxBatches && elapsed < minSeconds; batch++)
            {
                for (int i = 0; i < Batch; i++)
                {
                    handlespace.TrySelect(HandlespaceWorkload.Handle, span, out int selected);
                    if (selected != items)
                    {
                        throw new InvalidOperationException($"resolution returned {selected} PEs");
                    }
                }

                done += Batch;
                elapsed = ProcessCpuClock.Seconds - start;
            }

            Print(type, $"resolve-{items}", done, elapsed);
        }

        double removal = ProcessCpuClock.Seconds;
        for (int i = 0; i < count; i++)
        {
            handlespace.Remove(HandlespaceWorkload.Handle, (uint)i + 1);
        }

        Print(type, "deregister", count, ProcessCpuClock.Seconds - removal);
    }

    private static void Print(PolicyType type, string operation, long operations, double cpuSeconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {type} {operation} {operations / cpuSeconds / 1e6:F4}"));
}
