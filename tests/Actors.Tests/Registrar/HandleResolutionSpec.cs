using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar;

/// <summary>Handle Resolution at the registrar (RFC 5352 §3.3, §2.2.6).</summary>
public sealed class HandleResolutionSpec : RegistrarSpecBase
{
    [Fact]
    public void An_unknown_pool_is_answered_with_cause_0x0009()
    {
        Start();
        var user = Connect();

        var response = Resolve(user, PoolHandle.FromString("NoSuchPool"));

        Assert.Equal(PoolHandle.FromString("NoSuchPool"), response.PoolHandle);
        Assert.Null(response.Policy);
        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, Assert.Single(response.Error!.Causes).Code);
    }

    [Fact]
    public void Without_the_option_the_default_number_of_items_is_returned_in_round_robin_order()
    {
        Start(Settings with { DefaultHandleResolutionItems = 3 });
        var pe = Connect();
        var user = Connect();
        for (uint id = 1; id <= 5; id++)
        {
            RegisterAccepted(pe, Asap.Registration(id));
        }

        // docs/protocol-notes.md §13: round robin moves on by one per selection (MaxIncrement 1).
        uint[] first = ResolvedIds(user);
        uint[] second = ResolvedIds(user);
        Assert.Equal([1u, 2u, 3u], first);
        Assert.Equal([2u, 3u, 4u], second);
    }

    [Fact]
    public void The_option_sets_the_number_of_items_capped_at_128()
    {
        Start();
        var pe = Connect();
        var user = Connect();
        for (uint id = 1; id <= 130; id++)
        {
            RegisterAccepted(pe, Asap.Registration(id));
        }

        Assert.Single(ResolvedIds(user, items: 1));
        Assert.Equal(7, ResolvedIds(user, items: 7).Length);
        Assert.Equal(128, ResolvedIds(user, items: AsapHandleResolution.AsManyAsPossible).Length);
        Assert.Equal(128, ResolvedIds(user, items: 1000).Distinct().Count());
    }

    [Fact]
    public void The_overall_policy_is_the_first_selected_pes_policy()
    {
        Start();
        var pe = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(1, PoolMemberSelectionPolicy.LeastUsed(50)));
        RegisterAccepted(pe, Asap.Registration(2, PoolMemberSelectionPolicy.LeastUsed(10)));

        var response = Resolve(user, items: 2);

        Assert.Equal(2u, response.PoolElements[0].Identifier);
        Assert.Equal(PoolMemberSelectionPolicy.LeastUsed(10), response.Policy);
    }

    [Fact]
    public void Resolutions_beyond_the_per_association_rate_get_cause_0x0009_while_other_associations_are_served()
    {
        Start(Settings with { MaxHandleResolutionRate = 2 });
        var pe = Connect();
        var flooder = Connect();
        var user = Connect();
        RegisterAccepted(pe, Asap.Registration(1));

        Assert.Equal([1u], ResolvedIds(flooder));
        Assert.Equal([1u], ResolvedIds(flooder));
        ExpectRefusedAndThrottled(flooder, TimeSpan.FromMilliseconds(500));   // one token back at 2/s
        Assert.Equal([1u], ResolvedIds(user));

        Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal([1u], ResolvedIds(flooder));
        ExpectRefusedAndThrottled(flooder, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void An_association_over_its_rate_is_told_once_per_pause_to_stop_reading_for_at_least_the_minimum_pause()
    {
        Start(Settings with { MaxHandleResolutionRate = 1000 });
        var pe = Connect();
        var flooder = Connect();
        RegisterAccepted(pe, Asap.Registration(1));
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal([1u], ResolvedIds(flooder));
        }

        // The next token is 1 ms away: the pause is the minimum, and refusals within it send no second command.
        ExpectRefusedAndThrottled(flooder, RateLimitGate.MinPause);
        Assert.Empty(ResolvedIds(flooder));

        Advance(RateLimitGate.MinPause);   // 20 tokens back at 1000/s
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal([1u], ResolvedIds(flooder));
        }
        ExpectRefusedAndThrottled(flooder, RateLimitGate.MinPause);
    }
}
