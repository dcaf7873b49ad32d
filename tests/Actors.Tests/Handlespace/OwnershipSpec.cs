// Ownership sets and PE checksums (docs/protocol-notes.md §11, RFC 5353 §3.5 takeover, RFC 5353 §3.6.2 checksum, RFC 5353 §3.6.3 audit mark and sweep).
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class OwnershipSpec
{
    private const uint RegistrarA = 0x0A0B0C0D;
    private const uint RegistrarB = 0x11223344;
    private const uint RegistrarC = 0x55667788;

    private readonly PoolHandlespace _handlespace = new();

    [Fact]
    public void Checksum_of_the_worked_example_is_ff39()
    {
        // docs/protocol-notes.md §12: A owns PE 0x1a2b3c4d and PE 0x5e6f7081 in "EchoPool" -> 0xff39.
        _handlespace.Register(Handle, Pe(0x1a2b3c4d, Policy.RoundRobin()), RegistrarA, 0, expiresAt: 100);
        _handlespace.Register(Handle, Pe(0x5e6f7081, Policy.RoundRobin()), RegistrarA, 0, expiresAt: 100);
        _handlespace.Register(Handle, Pe(0x01020304, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 100);

        Assert.Equal((ushort)0xff39, _handlespace.ChecksumOf(RegistrarA).Finish());
        Assert.Equal(0x400c2u, _handlespace.ChecksumOf(RegistrarA).Accumulator);
    }

    [Fact]
    public void Checksum_of_the_odd_handle_example_is_f419()
    {
        // docs/protocol-notes.md §12: only PE 0x5e6f7081 in "CalcAppPool" (11 bytes) -> 0xf419.
        _handlespace.Register(PoolHandle.FromString("CalcAppPool"), Pe(0x5e6f7081, Policy.RoundRobin()), RegistrarA, 1);
        Assert.Equal((ushort)0xf419, _handlespace.ChecksumOf(RegistrarA).Finish());
    }

    [Fact]
    public void Checksum_of_an_owner_without_pes_is_ffff()
    {
        Assert.Equal((ushort)0xffff, _handlespace.ChecksumOf(RegistrarC).Finish());
        _handlespace.Register(Handle, Pe(7, Policy.RoundRobin()), RegistrarC, 1);
        _handlespace.Remove(Handle, 7);
        Assert.Equal((ushort)0xffff, _handlespace.ChecksumOf(RegistrarC).Finish());
    }

    [Fact]
    public void Checksums_stay_equal_to_a_recomputation_after_random_changes()
    {
        // Seeded random add / re-register (owner change) / remove / takeover / expiry; after every step each owner's
        // incremental checksum equals the docs/protocol-notes.md §12 algorithm run from scratch over the handlespace.
        var random = new Random(20261122);
        PoolHandle[] handles = [PoolHandle.FromString("EchoPool"), PoolHandle.FromString("CalcAppPool"), PoolHandle.FromString("x"), new PoolHandle([0xff, 0x00, 0xfe])];
        uint[] owners = [RegistrarA, RegistrarB, RegistrarC];
        var removed = new List<PoolElementEntry>();
        long now = 0;
        for (int step = 0; step < 3000; step++)
        {
            now += 10;
            PoolHandle handle = handles[random.Next(handles.Length)];
            uint id = (uint)random.Next(1, 40) * 0x01010101u;
            int action = random.Next(10);
            if (action < 6)
            {
                _handlespace.Register(handle, Pe(id, Policy.RoundRobin()), owners[random.Next(owners.Length)], 0, now + random.Next(50, 5000));
            }
            else if (action < 8)
            {
                _handlespace.Remove(handle, id);
            }
            else if (action == 8)
            {
                _handlespace.TransferOwnership(owners[random.Next(owners.Length)], owners[random.Next(owners.Length)], PoolHandlespace.NoExpiry, removed);
            }
            else
            {
                _handlespace.RemoveExpired(now, removed);
            }

            foreach (uint owner in owners)
            {
                Assert.True(Recompute(owner) == _handlespace.ChecksumOf(owner).Finish(), $"step {step}, owner 0x{owner:x8}");
                Assert.Equal(_handlespace.Pools.SelectMany(p => p.Elements).Count(e => e.OwnerId == owner), _handlespace.CountOwnedBy(owner));
            }
        }
    }

    [Fact]
    public void Takeover_moves_all_pes_and_the_checksum_to_the_new_owner()
    {
        _handlespace.Register(Handle, Pe(1, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 100);
        _handlespace.Register(Handle, Pe(2, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 100);
        _handlespace.Register(Handle, Pe(3, Policy.RoundRobin()), RegistrarA, 1);
        ushort checksumOfB = _handlespace.ChecksumOf(RegistrarB).Finish();

        var moved = new List<PoolElementEntry>();
        int count = _handlespace.TransferOwnership(RegistrarB, RegistrarA, PoolHandlespace.NoExpiry, moved);

        Assert.Equal(2, count);
        Assert.Equal([1u, 2], moved.Select(e => e.Identifier).Order().ToArray());
        Assert.All(moved, e => Assert.Equal(RegistrarA, e.OwnerId));
        Assert.All(moved, e => Assert.Equal(PoolHandlespace.NoExpiry, e.ExpiresAt));
        Assert.Equal(0, _handlespace.CountOwnedBy(RegistrarB));
        Assert.Equal(3, _handlespace.CountOwnedBy(RegistrarA));
        Assert.Equal((ushort)0xffff, _handlespace.ChecksumOf(RegistrarB).Finish());
        Assert.Equal(Recompute(RegistrarA), _handlespace.ChecksumOf(RegistrarA).Finish());
        Assert.NotEqual(checksumOfB, _handlespace.ChecksumOf(RegistrarA).Finish());
        var expired = new List<PoolElementEntry>();
        Assert.Equal(0, _handlespace.RemoveExpired(long.MaxValue - 1, expired));
    }

    [Fact]
    public void Owned_by_lists_exactly_the_pes_of_an_owner()
    {
        _handlespace.Register(Handle, Pe(1, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 100);
        _handlespace.Register(Handle, Pe(2, Policy.RoundRobin()), RegistrarA, 1);
        _handlespace.Register(PoolHandle.FromString("Other"), Pe(3, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 100);

        Assert.Equal([1u, 3], _handlespace.OwnedBy(RegistrarB).Select(e => e.Identifier).Order().ToArray());
        Assert.Equal([RegistrarA, RegistrarB], _handlespace.Owners.Order());
    }

    [Fact]
    public void Audit_sweep_removes_the_marked_pes_that_were_not_confirmed()
    {
        // RFC 5353 §3.6.3: mark all of B, B's handle table confirms 1 and 3, the sweep removes 2; A's PE stays.
        for (uint id = 1; id <= 3; id++)
        {
            _handlespace.Register(Handle, Pe(id, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 100);
        }

        _handlespace.Register(Handle, Pe(9, Policy.RoundRobin()), RegistrarA, 1);

        Assert.Equal(3, _handlespace.MarkOwnedBy(RegistrarB));
        _handlespace.Register(Handle, Pe(1, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 200);
        _handlespace.Register(Handle, Pe(3, Policy.RoundRobin()), RegistrarB, 0, expiresAt: 200);
        var removed = new List<PoolElementEntry>();
        Assert.Equal(1, _handlespace.SweepMarked(RegistrarB, removed));

        Assert.Equal([2u], removed.Select(e => e.Identifier));
        Assert.Equal([1u, 3, 9], _handlespace.Pools.Single().Elements.Select(e => e.Identifier));
        Assert.Equal(Recompute(RegistrarB), _handlespace.ChecksumOf(RegistrarB).Finish());
    }

    // docs/protocol-notes.md §12 from scratch: words of [handle padded to even ‖ PE ID], 32-bit wrapping sum, fold, complement.
    private ushort Recompute(uint owner)
    {
        uint accumulator = 0;
        foreach (PoolElementEntry entry in _handlespace.Pools.SelectMany(p => p.Elements).Where(e => e.OwnerId == owner))
        {
            var bytes = new List<byte>(entry.PoolHandle.ToArray());
            if (bytes.Count % 2 == 1)
            {
                bytes.Add(0);
            }

            bytes.AddRange([(byte)(entry.Identifier >> 24), (byte)(entry.Identifier >> 16), (byte)(entry.Identifier >> 8), (byte)entry.Identifier]);
            for (int i = 0; i < bytes.Count; i += 2)
            {
                accumulator = unchecked(accumulator + (uint)((bytes[i] << 8) | bytes[i + 1]));
            }
        }

        while ((accumulator >> 16) != 0)
        {
            accumulator = (accumulator & 0xFFFF) + (accumulator >> 16);
        }

        return (ushort)~accumulator;
    }
}
