// Steady-state selection allocates nothing (issue 4 "no allocation in steady state"); measured with the
// per-thread allocation counter, not with timing.
using RSerPool.Actors.Handlespace;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class SelectionAllocationSpec
{
    public static TheoryData<string> PolicyNames() =>
        ["RR", "WRR", "PRI", "LU", "LUD", "PLU", "PLUD", "LU-DPF", "LUD-DPF", "RAND", "WRAND", "RLU", "RPLU", "RLUD", "RPLUD", "WRAND-DPF"];

    private static Policy Make(string name, uint i) => name switch
    {
        "RR" => Policy.RoundRobin(),
        "WRR" => Policy.WeightedRoundRobin(1 + (i % 3)),
        "PRI" => Policy.PriorityPolicy(i % 4),
        "LU" => Policy.LeastUsed(i * 1000),
        "LUD" => Policy.LeastUsedWithDegradation(i * 1000, 77),
        "PLU" => Policy.PriorityLeastUsed(i * 1000, 5),
        "PLUD" => Policy.PriorityLeastUsedWithDegradation(i * 1000, 5),
        "LU-DPF" => Policy.LeastUsedWithDpf(i * 1000, 10, i),
        "LUD-DPF" => Policy.LeastUsedWithDegradationAndDpf(i * 1000, 7, 10, i),
        "RAND" => Policy.Random(),
        "WRAND" => Policy.WeightedRandom(1 + i),
        "RLU" => Policy.RandomizedLeastUsed(i * 1000),
        "RPLU" => Policy.RandomizedPriorityLeastUsed(i * 1000, 9),
        "RLUD" => Policy.RandomizedLeastUsedWithDegradation(i * 1000, 9),
        "RPLUD" => Policy.RandomizedPriorityLeastUsedWithDegradation(i * 1000, 9),
        "WRAND-DPF" => Policy.WeightedRandomWithDpf(1000 + i, 100, i),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void Selection_allocates_nothing_in_steady_state(string name)
    {
        var handlespace = new PoolHandlespace(random: new Random(1));
        Pool1(handlespace, Enumerable.Range(1, 200).Select(i => Make(name, (uint)i)).ToArray());
        Assert.True(handlespace.TryGetPool(Handle, out Pool? pool));
        var destination = new PoolElementEntry[3];
        for (int i = 0; i < 1000; i++)
        {
            handlespace.TrySelect(Handle, destination, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int selected = 0;
        for (int i = 0; i < 10_000; i++)
        {
            handlespace.TrySelect(Handle, destination, out int count);
            selected += pool.Select(destination);
            selected += count;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(60_000, selected);
        Assert.Equal(0, allocated);
    }
}
