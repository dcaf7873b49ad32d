// Goodness of fit of the weighted random policies (docs/protocol-notes.md §13): P(PE) = v / Σv with each policy's v
// formula, fixed seed; and "without replacement" within one selection.
using RSerPool.Actors.Handlespace;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class RandomPolicySpec
{
    private const int Draws = 40_000;
    private const double Max = 0xFFFFFFFF;

    // Chi-square critical values at p = 0.001 for 1..5 degrees of freedom (standard table).
    private static readonly double[] Critical = [10.828, 13.816, 16.266, 18.467, 20.515];

    public static TheoryData<string, Policy[], double[]> Cases()
    {
        uint l0 = 0, l25 = Fraction(0.25), l50 = Fraction(0.50), l75 = Fraction(0.75);
        uint d10 = Fraction(0.10);
        const uint weightDpf = 4294967;   // ≈ 0.001 per ms
        return new TheoryData<string, Policy[], double[]>
        {
            { "RAND uniform", [Policy.Random(), Policy.Random(), Policy.Random(), Policy.Random()], [1, 1, 1, 1] },
            { "WRAND by weight", [Policy.WeightedRandom(1), Policy.WeightedRandom(2), Policy.WeightedRandom(3), Policy.WeightedRandom(4)], [1, 2, 3, 4] },
            {
                "RLU v = max - load",
                [Policy.RandomizedLeastUsed(l0), Policy.RandomizedLeastUsed(l25), Policy.RandomizedLeastUsed(l50), Policy.RandomizedLeastUsed(l75)],
                [Max - l0, Max - l25, Max - l50, Max - l75]
            },
            {
                "RPLU v = max - load - degradation",
                [Policy.RandomizedPriorityLeastUsed(l0, l50), Policy.RandomizedPriorityLeastUsed(l25, 0), Policy.RandomizedPriorityLeastUsed(l50, d10), Policy.RandomizedPriorityLeastUsed(l0, 0)],
                [Max - l0 - l50, Max - l25, Max - l50 - d10, Max - l0]
            },
            {
                // Degradation 0: v stays at max - load while selections accumulate nothing.
                "RLUD v = max - load - deg",
                [Policy.RandomizedLeastUsedWithDegradation(l0, 0), Policy.RandomizedLeastUsedWithDegradation(l25, 0), Policy.RandomizedLeastUsedWithDegradation(l50, 0), Policy.RandomizedLeastUsedWithDegradation(l75, 0)],
                [Max - l0, Max - l25, Max - l50, Max - l75]
            },
            {
                "RPLUD v = max - load - degradation - deg",
                [Policy.RandomizedPriorityLeastUsedWithDegradation(l0, 0), Policy.RandomizedPriorityLeastUsedWithDegradation(l25, 0), Policy.RandomizedPriorityLeastUsedWithDegradation(l50, 0), Policy.RandomizedPriorityLeastUsedWithDegradation(l75, 0)],
                [Max - l0, Max - l25, Max - l50, Max - l75]
            },
            {
                "WRAND-DPF v = weight - round(weight x distance x dpf)",
                [Policy.WeightedRandomWithDpf(100, weightDpf, 0), Policy.WeightedRandomWithDpf(100, weightDpf, 100), Policy.WeightedRandomWithDpf(100, weightDpf, 200), Policy.WeightedRandomWithDpf(100, weightDpf, 300)],
                [100, 100 - Math.Round(100.0 * 100 * weightDpf / Max), 100 - Math.Round(100.0 * 200 * weightDpf / Max), 100 - Math.Round(100.0 * 300 * weightDpf / Max)]
            },
            {
                // Load 100 % clamps v to 1, next to a PE with v = max: it is (almost) never drawn, but never excluded.
                "RLU clamps v to at least 1",
                [Policy.RandomizedLeastUsed(0xFFFFFFFF), Policy.RandomizedLeastUsed(Fraction(0.999999))],
                [1, Max - Fraction(0.999999)]
            },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Single_draws_follow_the_policy_selection_values(string name, Policy[] policies, double[] values)
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(4711)), policies);
        var observed = new int[policies.Length];
        for (int i = 0; i < Draws; i++)
        {
            observed[Select(handlespace, 1).Single() - 1]++;
        }

        double chiSquare = ChiSquare(observed, values);
        Assert.True(chiSquare < Critical[policies.Length - 2], $"{name}: chi-square {chiSquare:F2}, observed [{string.Join(", ", observed)}]");
    }

    [Fact]
    public void Weight_zero_is_never_drawn()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(1)), Policy.WeightedRandom(0), Policy.WeightedRandom(5));
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal([2u], Select(handlespace, 2));
        }
    }

    [Fact]
    public void The_weight_tables_follow_removals()
    {
        // Removing PEs moves others between slots; the remaining ones must still be drawn by their own weights.
        var policies = Enumerable.Range(1, 6).Select(w => Policy.WeightedRandom((uint)w)).ToArray();
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(99)), policies);
        handlespace.Remove(Handle, 1);
        handlespace.Remove(Handle, 4);
        var observed = new int[6];
        for (int i = 0; i < Draws; i++)
        {
            observed[Select(handlespace, 1).Single() - 1]++;
        }

        Assert.Equal(0, observed[0]);
        Assert.Equal(0, observed[3]);
        double chiSquare = ChiSquare([observed[1], observed[2], observed[4], observed[5]], [2, 3, 5, 6]);
        Assert.True(chiSquare < Critical[2], $"chi-square {chiSquare:F2}, observed [{string.Join(", ", observed)}]");
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 3)]
    [InlineData(8, 7)]
    public void One_selection_never_returns_a_pe_twice(int pes, int items)
    {
        var policies = Enumerable.Range(1, pes).Select(w => Policy.WeightedRandom((uint)(w * w))).ToArray();
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(7)), policies);
        for (int i = 0; i < 2000; i++)
        {
            uint[] selected = Select(handlespace, items);
            Assert.Equal(items, selected.Length);
            Assert.Equal(items, selected.Distinct().Count());
        }
    }

    [Fact]
    public void Random_draws_ordered_pairs_uniformly_without_replacement()
    {
        // RAND with k = 2 of 4 PEs: each of the 12 ordered pairs of distinct PEs is equally likely.
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(8)), Policy.Random(), Policy.Random(), Policy.Random(), Policy.Random());
        var observed = new int[16];
        for (int i = 0; i < Draws; i++)
        {
            uint[] selected = Select(handlespace, 2);
            Assert.NotEqual(selected[0], selected[1]);
            observed[((selected[0] - 1) * 4) + selected[1] - 1]++;
        }

        int[] pairs = Enumerable.Range(0, 16).Where(i => i / 4 != i % 4).Select(i => observed[i]).ToArray();
        double chiSquare = ChiSquare(pairs, Enumerable.Repeat(1.0, 12).ToArray());
        Assert.True(chiSquare < 31.264, $"chi-square {chiSquare:F2} (df 11), observed [{string.Join(", ", pairs)}]");
    }

    [Fact]
    public void Random_returns_every_pe_once_when_more_items_than_pes_are_requested()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(8)), Policy.Random(), Policy.Random(), Policy.Random());
        handlespace.Remove(Handle, 2);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal([1u, 3], Select(handlespace, 5).Order().ToArray());
        }
    }

    [Fact]
    public void Second_draw_excludes_the_first_and_follows_the_remaining_weights()
    {
        // Weights 1, 2, 3: given the first draw is PE 3, the second is PE 1 with 1/3 and PE 2 with 2/3.
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(5)), Policy.WeightedRandom(1), Policy.WeightedRandom(2), Policy.WeightedRandom(3));
        var observed = new int[2];
        for (int i = 0; i < Draws; i++)
        {
            uint[] selected = Select(handlespace, 2);
            if (selected[0] == 3)
            {
                observed[selected[1] - 1]++;
            }
        }

        double chiSquare = ChiSquare(observed, [1, 2]);
        Assert.True(chiSquare < Critical[0], $"chi-square {chiSquare:F2}, observed [{string.Join(", ", observed)}]");
    }

    [Fact]
    public void Randomized_least_used_with_degradation_degrades_the_selected_pe_once()
    {
        // docs/protocol-notes.md §13: RLUD increases deg by Load Degradation per selection that counts (MaxIncrement 1).
        uint degradation = Fraction(0.10);
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(random: new Random(3)),
            Policy.RandomizedLeastUsedWithDegradation(0, degradation), Policy.RandomizedLeastUsedWithDegradation(0, degradation));
        uint[] selected = Select(handlespace, 2);
        Assert.True(handlespace.TryGetElement(Handle, selected[0], out PoolElementEntry? used));
        Assert.True(handlespace.TryGetElement(Handle, selected[1], out PoolElementEntry? other));
        Assert.Equal(degradation, used.Degradation);
        Assert.Equal(0ul, other.Degradation);
    }

    [Fact]
    public void Randomized_least_used_with_degradation_shifts_draws_away_from_a_degraded_pe()
    {
        // After 9 selections of PE 1 alone, its v = max - 90 %; PE 2 joins with v = max: expect PE 2 ≈ 10/11 of draws.
        uint degradation = Fraction(0.10);
        var handlespace = new PoolHandlespace(random: new Random(11));
        Pool1(handlespace, Policy.RandomizedPriorityLeastUsedWithDegradation(0, degradation));
        Sequence(handlespace, 9);
        handlespace.Register(Handle, Pe(2, Policy.RandomizedPriorityLeastUsedWithDegradation(0, 0)), OwnRegistrar, 1);
        Assert.True(handlespace.TryGetElement(Handle, 1, out PoolElementEntry? degraded));
        double v1 = Max - degradation - degraded.Degradation;
        var observed = new int[2];
        var destination = new PoolElementEntry[1];
        for (int i = 0; i < Draws; i++)
        {
            // Unlimited MaxIncrement 0: count nothing, so v stays fixed during the measurement.
            handlespace.TryGetPool(Handle, out Pool? pool);
            pool!.Select(destination, maxIncrement: 0);
            observed[destination[0].Identifier - 1]++;
        }

        double chiSquare = ChiSquare(observed, [v1, Max]);
        Assert.True(chiSquare < Critical[0], $"chi-square {chiSquare:F2}, observed [{string.Join(", ", observed)}]");
    }

    private static double ChiSquare(int[] observed, double[] values)
    {
        double total = observed.Sum();
        double weightSum = values.Sum();
        double chiSquare = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double expected = total * values[i] / weightSum;
            chiSquare += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        return chiSquare;
    }
}
