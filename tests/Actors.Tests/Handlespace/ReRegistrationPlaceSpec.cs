// Where a re-registration leaves a PE in the selection order (docs/protocol-notes.md §13: a re-registration keeps its
// place, i.e. its sequence number; deg resets to 0). An unchanged re-registration must leave the order and the
// round state exactly as they were (RSPLIB notices nothing changed and only refreshes); a changed key moves the PE.
using RSerPool.Actors.Handlespace;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class ReRegistrationPlaceSpec
{
    [Fact]
    public void Unchanged_least_used_re_registration_keeps_the_place_a_selection_gave()
    {
        var handlespace = Pool1(new PoolHandlespace(), Policy.LeastUsed(10), Policy.LeastUsed(10), Policy.LeastUsed(10));
        Assert.Equal([1u], Select(handlespace, 1));   // PE 1 used: behind PEs 2 and 3

        RegistrationResult again = handlespace.Register(Handle, Pe(2, Policy.LeastUsed(10)), OwnRegistrar, 1);
        Assert.Equal(RegistrationOutcome.Updated, again.Outcome);
        Assert.Equal([2u, 3u, 1u], Select(handlespace, 3));
    }

    [Fact]
    public void Changed_load_moves_the_pe_and_it_keeps_its_sequence_number_among_equal_loads()
    {
        var handlespace = Pool1(new PoolHandlespace(), Policy.LeastUsed(5), Policy.LeastUsed(10), Policy.LeastUsed(10));
        handlespace.Register(Handle, Pe(1, Policy.LeastUsed(20)), OwnRegistrar, 1);
        Assert.Equal([2u, 3u, 1u], Peek(handlespace));

        // Back to a load equal to the others': its old sequence number puts it first among them.
        handlespace.Register(Handle, Pe(1, Policy.LeastUsed(10)), OwnRegistrar, 1);
        Assert.Equal([1u, 2u, 3u], Peek(handlespace));
    }

    [Fact]
    public void Unchanged_weighted_round_robin_re_registration_keeps_round_and_selections_left()
    {
        var handlespace = Pool1(new PoolHandlespace(), Policy.WeightedRoundRobin(2), Policy.WeightedRoundRobin(1), Policy.WeightedRoundRobin(1));
        Assert.Equal([1u], Select(handlespace, 1));   // PE 1: one selection left in round 0

        handlespace.Register(Handle, Pe(1, Policy.WeightedRoundRobin(2)), OwnRegistrar, 1);
        Assert.True(handlespace.TryGetElement(Handle, 1, out PoolElementEntry? entry));
        Assert.Equal(0ul, entry.Round);
        Assert.Equal(1u, entry.RemainingInRound);

        // Round 0 ends with PE 2, PE 3 and PE 1's second turn; round 1 starts with PE 2.
        Assert.Equal([2u, 3u, 1u, 2u], Sequence(handlespace, 4));
    }

    [Fact]
    public void Unchanged_re_registration_resets_degradation_and_so_moves_a_degraded_pe_back()
    {
        var handlespace = Pool1(new PoolHandlespace(), Policy.LeastUsedWithDegradation(10, 5), Policy.LeastUsedWithDegradation(12, 0));
        Assert.Equal([1u], Select(handlespace, 1));   // key 10 + 5 = 15: now behind PE 2 (12)
        Assert.Equal([2u, 1u], Peek(handlespace));

        // The policy values are the same, but deg returns to 0 (RFC 5356 §5.2.2): key 10 again, in front.
        handlespace.Register(Handle, Pe(1, Policy.LeastUsedWithDegradation(10, 5)), OwnRegistrar, 1);
        Assert.True(handlespace.TryGetElement(Handle, 1, out PoolElementEntry? entry));
        Assert.Equal(0ul, entry.Degradation);
        Assert.Equal([1u, 2u], Peek(handlespace));
    }

    /// <summary>The whole order without changing it (MaxIncrement 0 counts no PE as used).</summary>
    private static uint[] Peek(PoolHandlespace handlespace)
    {
        Assert.True(handlespace.TryGetPool(Handle, out Pool? pool));
        var destination = new PoolElementEntry[pool.Count];
        int count = pool.Select(destination, maxIncrement: 0);
        return destination.Take(count).Select(e => e.Identifier).ToArray();
    }
}
