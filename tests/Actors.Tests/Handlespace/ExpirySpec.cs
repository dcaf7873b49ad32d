// Expiry of PE copies learned via ENRP (RFC 5353 §3.3, docs/protocol-notes.md §11): a copy expires after its Registration Life
// unless a new ADD_PE refreshes it; PEs registered here never expire in the handlespace.
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class ExpirySpec
{
    private const uint Peer = 0x11223344;
    private readonly PoolHandlespace _handlespace = new();
    private readonly List<PoolElementEntry> _removed = [];

    private void Copy(uint id, long expiresAt, PoolHandle? handle = null) =>
        _handlespace.Register(handle ?? Handle, Pe(id, Policy.RoundRobin()), Peer, 0, expiresAt);

    [Fact]
    public void Copy_expires_at_its_expiry_and_not_before()
    {
        Copy(1, expiresAt: 1000);

        Assert.Equal(0, _handlespace.RemoveExpired(999, _removed));
        Assert.Equal(1, _handlespace.RemoveExpired(1000, _removed));
        Assert.Equal(1u, _removed.Single().Identifier);
        Assert.Equal(0, _handlespace.PoolCount);
        Assert.Equal((ushort)0xffff, _handlespace.ChecksumOf(Peer).Finish());
    }

    [Fact]
    public void Refresh_moves_the_expiry()
    {
        Copy(1, expiresAt: 1000);
        Copy(1, expiresAt: 3000);

        Assert.Equal(0, _handlespace.RemoveExpired(2999, _removed));
        Assert.Equal(3000, _handlespace.NextExpiry);
        Assert.Equal(1, _handlespace.RemoveExpired(3000, _removed));
    }

    [Fact]
    public void Expired_copies_are_removed_in_expiry_order_and_others_stay()
    {
        Copy(1, 500);
        Copy(2, 300);
        Copy(3, 900);
        Copy(4, 100, PoolHandle.FromString("Other"));
        _handlespace.Register(Handle, Pe(5, Policy.RoundRobin()), OwnRegistrar, 1);

        Assert.Equal(3, _handlespace.RemoveExpired(600, _removed));
        Assert.Equal([4u, 2, 1], _removed.Select(e => e.Identifier));
        Assert.Equal(900, _handlespace.NextExpiry);
        Assert.Equal([3u, 5], _handlespace.Pools.Single().Elements.Select(e => e.Identifier));
    }

    [Fact]
    public void Registered_pes_never_expire_and_a_home_registration_clears_a_copy_expiry()
    {
        _handlespace.Register(Handle, Pe(1, Policy.RoundRobin()), OwnRegistrar, 1);
        Copy(2, 100);
        _handlespace.Register(Handle, Pe(2, Policy.RoundRobin()), OwnRegistrar, 1);

        Assert.Equal(PoolHandlespace.NoExpiry, _handlespace.NextExpiry);
        Assert.Equal(0, _handlespace.RemoveExpired(long.MaxValue - 1, _removed));
        Assert.Equal(2, _handlespace.ElementCount);
    }

    [Fact]
    public void Removed_copy_leaves_the_expiry_index()
    {
        Copy(1, 100);
        Copy(2, 200);
        _handlespace.Remove(Handle, 1);

        Assert.Equal(200, _handlespace.NextExpiry);
        Assert.Equal(1, _handlespace.RemoveExpired(1000, _removed));
        Assert.Equal(2u, _removed.Single().Identifier);
    }

    [Fact]
    public void Many_copies_expire_in_exact_time_order()
    {
        var random = new Random(5);
        var expiries = new Dictionary<uint, long>();
        for (uint id = 1; id <= 500; id++)
        {
            long at = random.Next(1, 10_000);
            expiries[id] = at;
            Copy(id, at);
        }

        for (uint id = 1; id <= 500; id += 3)
        {
            long at = random.Next(1, 10_000);
            expiries[id] = at;
            Copy(id, at);
        }

        for (long now = 0; now <= 10_000; now += 250)
        {
            _removed.Clear();
            _handlespace.RemoveExpired(now, _removed);
            Assert.All(_removed, e => Assert.True(expiries[e.Identifier] <= now && expiries[e.Identifier] > now - 250));
            Assert.Equal(expiries.Count(kv => kv.Value > now), _handlespace.ElementCount);
        }
    }
}
