// Exact selection sequences of the deterministic policies (docs/protocol-notes.md §13).
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class DeterministicPolicySpec
{
    private static PoolHandlespace RoundRobin(int count, HandlespaceSettings? settings = null) =>
        Pool1(new PoolHandlespace(settings), Enumerable.Range(0, count).Select(_ => Policy.RoundRobin()).ToArray());

    [Fact]
    public void Round_robin_with_one_item_cycles_1_2_3()
    {
        // docs/protocol-notes.md §13, observed with RSPLIB 3.4.4: k=1 gives 1, 2, 3, 1, 2, 3, ...
        Assert.Equal([1u, 2, 3, 1, 2, 3, 1], Sequence(RoundRobin(3), 7));
    }

    [Fact]
    public void Round_robin_with_three_items_rotates_by_one_per_request()
    {
        // docs/protocol-notes.md §13: k=3 gives [1,2,3] [2,3,1] [3,1,2] [1,2,3] with the default MaxIncrement 1.
        PoolHandlespace handlespace = RoundRobin(3);
        Assert.Equal([1u, 2, 3], Select(handlespace, 3));
        Assert.Equal([2u, 3, 1], Select(handlespace, 3));
        Assert.Equal([3u, 1, 2], Select(handlespace, 3));
        Assert.Equal([1u, 2, 3], Select(handlespace, 3));
    }

    [Fact]
    public void Round_robin_with_two_items_and_max_increment_2_advances_by_two()
    {
        // docs/protocol-notes.md §13: k=2, MaxIncrement=2 gives [1,2] [3,1] [2,3].
        PoolHandlespace handlespace = RoundRobin(3, new HandlespaceSettings { MaxIncrement = 2 });
        Assert.Equal([1u, 2], Select(handlespace, 2));
        Assert.Equal([3u, 1], Select(handlespace, 2));
        Assert.Equal([2u, 3], Select(handlespace, 2));
    }

    [Fact]
    public void Unlimited_max_increment_counts_every_selected_pe()
    {
        // docs/protocol-notes.md §13: a PU cache counts every selected PE; three of four PEs used moves the pointer to PE 4.
        PoolHandlespace handlespace = RoundRobin(4, new HandlespaceSettings { MaxIncrement = HandlespaceSettings.UnlimitedMaxIncrement });
        Assert.Equal([1u, 2, 3], Select(handlespace, 3));
        Assert.Equal([4u, 1, 2], Select(handlespace, 3));
    }

    [Fact]
    public void Requesting_more_items_than_pes_returns_each_pe_once()
    {
        Assert.Equal([1u, 2, 3], Select(RoundRobin(3), 10));
    }

    [Fact]
    public void New_pe_enters_at_the_end_of_the_rotation()
    {
        // docs/protocol-notes.md §13: a new PE gets the next sequence number at registration.
        PoolHandlespace handlespace = RoundRobin(3);
        Assert.Equal([1u, 2], Sequence(handlespace, 2));
        handlespace.Register(Handle, Pe(4, Policy.RoundRobin()), OwnRegistrar, 1);
        Assert.Equal([3u, 1, 2, 4, 3, 1], Sequence(handlespace, 6));
    }

    [Fact]
    public void Re_registration_keeps_the_round_robin_position()
    {
        PoolHandlespace handlespace = RoundRobin(3);
        Assert.Equal([1u], Sequence(handlespace, 1));
        handlespace.Register(Handle, Pe(2, Policy.RoundRobin(), Tcp(9999)), OwnRegistrar, 1);
        handlespace.Register(Handle, Pe(3, Policy.RoundRobin()), OwnRegistrar, 1);
        Assert.Equal([2u, 3, 1, 2], Sequence(handlespace, 4));
    }

    [Fact]
    public void Priority_prefers_the_highest_priority_with_round_robin_among_equals()
    {
        // docs/protocol-notes.md §13: priorities (1, 5, 5) give 2, 3, 2, 3, ... (PE 1 never).
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(), Policy.PriorityPolicy(1), Policy.PriorityPolicy(5), Policy.PriorityPolicy(5));
        Assert.Equal([2u, 3, 2, 3, 2, 3], Sequence(handlespace, 6));
    }

    [Fact]
    public void Priority_uses_lower_priorities_only_when_more_items_are_requested()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(), Policy.PriorityPolicy(1), Policy.PriorityPolicy(5), Policy.PriorityPolicy(5));
        Assert.Equal([2u, 3, 1], Select(handlespace, 3));
        Assert.Equal([3u, 2, 1], Select(handlespace, 3));
    }

    [Fact]
    public void Least_used_picks_the_least_loaded_with_round_robin_among_ties()
    {
        // docs/protocol-notes.md §13: loads (25 %, 12.5 %, 12.5 %) give 2, 3, 2, 3, ...
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsed(Fraction(0.25)), Policy.LeastUsed(Fraction(0.125)), Policy.LeastUsed(Fraction(0.125)));
        Assert.Equal([2u, 3, 2, 3, 2, 3], Sequence(handlespace, 6));
    }

    [Fact]
    public void Least_used_follows_a_load_update_by_re_registration()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsed(Fraction(0.25)), Policy.LeastUsed(Fraction(0.125)), Policy.LeastUsed(Fraction(0.125)));
        handlespace.Register(Handle, Pe(1, Policy.LeastUsed(0)), OwnRegistrar, 1);
        Assert.Equal([1u, 1, 1], Sequence(handlespace, 3));
        Assert.Equal(0u, handlespace.TryGetElement(Handle, 1, out PoolElementEntry? entry) ? entry.Policy.Load : 99);
    }

    [Fact]
    public void Priority_least_used_picks_the_lowest_load_after_the_request()
    {
        // docs/protocol-notes.md §13: loads (0, 12.5 %, 18.75 %), degradations (25 %, 0, 0): keys 25 %, 12.5 %, 18.75 % -> always PE 2.
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.PriorityLeastUsed(0, Fraction(0.25)),
            Policy.PriorityLeastUsed(Fraction(0.125), 0),
            Policy.PriorityLeastUsed(Fraction(0.1875), 0));
        Assert.Equal([2u, 2, 2, 2, 2], Sequence(handlespace, 5));
    }

    [Fact]
    public void Least_used_with_degradation_adds_the_degradation_once_per_selection()
    {
        // docs/protocol-notes.md §13: loads (0, 12.5 %, 25 %), degradation 10 %. One increment per selection gives (hand-computed
        // keys: 0→10→20→30→40 for PE 1, 12.5→22.5→32.5→42.5 for PE 2, 25→35→45 for PE 3) 1,1,2,1,2,3,1,2,3,1.
        uint degradation = Fraction(0.10);
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsedWithDegradation(0, degradation),
            Policy.LeastUsedWithDegradation(Fraction(0.125), degradation),
            Policy.LeastUsedWithDegradation(Fraction(0.25), degradation));
        Assert.Equal([1u, 1, 2, 1, 2, 3, 1, 2, 3, 1], Sequence(handlespace, 10));
    }

    [Fact]
    public void Least_used_with_degradation_counts_only_the_first_max_increment_items()
    {
        uint degradation = Fraction(0.10);
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsedWithDegradation(0, degradation), Policy.LeastUsedWithDegradation(0, degradation));
        Assert.Equal([1u, 2], Select(handlespace, 2));
        Assert.True(handlespace.TryGetElement(Handle, 1, out PoolElementEntry? first));
        Assert.True(handlespace.TryGetElement(Handle, 2, out PoolElementEntry? second));
        Assert.Equal(degradation, first.Degradation);
        Assert.Equal(0ul, second.Degradation);
    }

    [Fact]
    public void Re_registration_resets_the_accumulated_degradation()
    {
        uint degradation = Fraction(0.10);
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsedWithDegradation(0, degradation), Policy.LeastUsedWithDegradation(Fraction(0.15), degradation));
        Assert.Equal([1u, 1], Sequence(handlespace, 2));   // PE 1 now at 20 % > 15 %
        Assert.True(handlespace.TryGetElement(Handle, 1, out PoolElementEntry? entry));
        Assert.Equal(2ul * degradation, entry.Degradation);

        handlespace.Register(Handle, Pe(1, Policy.LeastUsedWithDegradation(0, degradation)), OwnRegistrar, 1);

        Assert.Equal(0ul, entry.Degradation);
        Assert.Equal([1u], Sequence(handlespace, 1));
    }

    [Fact]
    public void Degradation_is_capped_at_full_load()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(), Policy.LeastUsedWithDegradation(0, 0xF0000000));
        Sequence(handlespace, 3);
        Assert.True(handlespace.TryGetElement(Handle, 1, out PoolElementEntry? entry));
        Assert.Equal(0xFFFFFFFFul, entry.Degradation);
    }

    [Fact]
    public void Priority_least_used_with_degradation_accumulates_on_top_of_the_static_cost()
    {
        // docs/protocol-notes.md §13 PLUD: key = Load + LoadDegradation + deg. PE 1: 0 + 10 % (+10 % per use); PE 2: 25 % + 0.
        // Keys: PE 1 10 → 20 → 30, PE 2 25: sequence 1, 1, 2, 2, ...
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.PriorityLeastUsedWithDegradation(0, Fraction(0.10)),
            Policy.PriorityLeastUsedWithDegradation(Fraction(0.25), 0));
        Assert.Equal([1u, 1, 2, 2, 2], Sequence(handlespace, 5));
    }

    [Fact]
    public void Least_used_with_dpf_adds_the_distance_penalty()
    {
        // docs/protocol-notes.md §13: LoadDPF 0x0010624E (≈ 0.025 % per ms): 100 ms count like ≈ 2.5 % load.
        // PE 1: 10 % load at 100 ms (≈ 12.5 %), PE 2: 11 % load at 0 ms, PE 3: 12 % load at 0 ms → PE 2 wins.
        const uint loadDpf = 0x0010624E;
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsedWithDpf(Fraction(0.10), loadDpf, 100),
            Policy.LeastUsedWithDpf(Fraction(0.11), loadDpf, 0),
            Policy.LeastUsedWithDpf(Fraction(0.12), loadDpf, 0));
        Assert.Equal([2u, 2], Sequence(handlespace, 2));
        Assert.Equal([2u, 3, 1], Select(handlespace, 3));
    }

    [Fact]
    public void Least_used_with_dpf_and_distance_zero_behaves_like_least_used()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsedWithDpf(Fraction(0.25), 0xFFFFFFFF, 0),
            Policy.LeastUsedWithDpf(Fraction(0.125), 0xFFFFFFFF, 0),
            Policy.LeastUsedWithDpf(Fraction(0.125), 0xFFFFFFFF, 0));
        Assert.Equal([2u, 3, 2, 3], Sequence(handlespace, 4));
    }

    [Fact]
    public void Least_used_with_degradation_and_dpf_combines_both()
    {
        // PE 1: 0 % load at 200 ms with LoadDPF ≈ 0.025 %/ms (≈ 5 %), degradation 10 %; PE 2: 12 % at 0 ms, no degradation.
        // Keys: PE 1 5 → 15, PE 2 12: sequence 1, 2, 2, 2.
        const uint loadDpf = 0x0010624E;
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(),
            Policy.LeastUsedWithDegradationAndDpf(0, Fraction(0.10), loadDpf, 200),
            Policy.LeastUsedWithDegradationAndDpf(Fraction(0.12), 0, loadDpf, 0));
        Assert.Equal([1u, 2, 2, 2], Sequence(handlespace, 4));
    }

    [Theory]
    [InlineData(new uint[] { 1, 2, 4 })]
    [InlineData(new uint[] { 3, 1 })]
    [InlineData(new uint[] { 2, 2, 1 })]
    public void Weighted_round_robin_selects_each_pe_weight_times_per_round(uint[] weights)
    {
        // docs/protocol-notes.md §13: only the per-round counts are defined (RSPLIB orders (1,2,4) as 1,2,3,3,2,3,3).
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(), weights.Select(Policy.WeightedRoundRobin).ToArray());
        int roundLength = (int)weights.Sum(w => w);
        for (int round = 0; round < 5; round++)
        {
            uint[] selections = Sequence(handlespace, roundLength);
            for (int pe = 0; pe < weights.Length; pe++)
            {
                Assert.Equal((int)weights[pe], selections.Count(id => id == pe + 1));
            }
        }
    }

    [Fact]
    public void Weighted_round_robin_new_pe_joins_the_current_round()
    {
        PoolHandlespace handlespace = Pool1(new PoolHandlespace(), Policy.WeightedRoundRobin(2), Policy.WeightedRoundRobin(2));
        Sequence(handlespace, 8);   // two complete rounds
        handlespace.Register(Handle, Pe(3, Policy.WeightedRoundRobin(1)), OwnRegistrar, 1);
        uint[] round = Sequence(handlespace, 5);
        Assert.Equal(2, round.Count(id => id == 1));
        Assert.Equal(2, round.Count(id => id == 2));
        Assert.Equal(1, round.Count(id => id == 3));
    }
}
