// Paged Handle Table Responses (RFC 5353 §2.3, docs/protocol-notes.md §10): order by pool handle bytes then PE ID, resumption after the
// last entry sent, W=1 (only the PEs of one owner), M flag.
using RSerPool.Actors.Handlespace;
using RSerPool.Wire.Parameters;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class PagingSpec
{
    private const uint Peer = 0x11223344;
    private readonly PoolHandlespace _handlespace = new();

    public PagingSpec()
    {
        // Handles registered out of order; "B" < "BA" < "a" in byte order.
        (string Handle, uint Id, uint Owner)[] pes =
        [
            ("a", 30, OwnRegistrar), ("B", 7, Peer), ("BA", 1, OwnRegistrar), ("a", 0x80000000, Peer),
            ("B", 2, OwnRegistrar), ("a", 5, OwnRegistrar), ("BA", 9, Peer),
        ];
        foreach ((string handle, uint id, uint owner) in pes)
        {
            _handlespace.Register(PoolHandle.FromString(handle), Pe(id, Policy.RoundRobin()), owner, owner == Peer ? 0 : 1, owner == Peer ? 1000 : PoolHandlespace.NoExpiry);
        }
    }

    private List<string> ReadAll(int pageSize, uint? owner, out int pages)
    {
        var all = new List<string>();
        var page = new PoolElementEntry[pageSize];
        HandlespaceCursor cursor = HandlespaceCursor.Start;
        pages = 0;
        bool more;
        do
        {
            int count = _handlespace.ReadPage(cursor, page, owner, out more);
            pages++;
            all.AddRange(page.Take(count).Select(e => $"{e.PoolHandle}/{e.Identifier}"));
            if (count > 0)
            {
                cursor = HandlespaceCursor.After(page[count - 1]);
            }
        }
        while (more);
        return all;
    }

    [Fact]
    public void Whole_table_in_one_page_is_ordered_by_handle_bytes_then_identifier()
    {
        Assert.Equal(["B/2", "B/7", "BA/1", "BA/9", "a/5", "a/30", "a/2147483648"], ReadAll(128, null, out int pages));
        Assert.Equal(1, pages);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    [InlineData(7, 1)]
    public void Pages_resume_after_the_last_entry_and_cover_everything_once(int pageSize, int expectedPages)
    {
        Assert.Equal(["B/2", "B/7", "BA/1", "BA/9", "a/5", "a/30", "a/2147483648"], ReadAll(pageSize, null, out int pages));
        Assert.Equal(expectedPages, pages);
    }

    [Fact]
    public void Owner_filter_returns_only_that_owners_pes()
    {
        Assert.Equal(["B/2", "BA/1", "a/5", "a/30"], ReadAll(2, OwnRegistrar, out _));
        Assert.Equal(["B/7", "BA/9", "a/2147483648"], ReadAll(1, Peer, out _));
    }

    [Fact]
    public void Resumption_survives_removal_of_the_last_entry_sent_and_of_its_pool()
    {
        var page = new PoolElementEntry[3];
        Assert.Equal(3, _handlespace.ReadPage(HandlespaceCursor.Start, page, null, out bool more));
        Assert.True(more);
        HandlespaceCursor cursor = HandlespaceCursor.After(page[2]);   // BA/1
        _handlespace.Remove(PoolHandle.FromString("BA"), 1);
        _handlespace.Remove(PoolHandle.FromString("BA"), 9);
        _handlespace.Register(PoolHandle.FromString("B"), Pe(99, Policy.RoundRobin()), OwnRegistrar, 1);

        var rest = new PoolElementEntry[10];
        int count = _handlespace.ReadPage(cursor, rest, null, out more);

        Assert.False(more);
        Assert.Equal(["a/5", "a/30", "a/2147483648"], rest.Take(count).Select(e => $"{e.PoolHandle}/{e.Identifier}"));
    }

    [Fact]
    public void Empty_handlespace_gives_an_empty_last_page()
    {
        var page = new PoolElementEntry[4];
        Assert.Equal(0, new PoolHandlespace().ReadPage(HandlespaceCursor.Start, page, null, out bool more));
        Assert.False(more);
    }

    [Fact]
    public void Large_pool_pages_in_identifier_order()
    {
        var handlespace = new PoolHandlespace();
        var random = new Random(3);
        var ids = new HashSet<uint>();
        while (ids.Count < 2000)
        {
            uint id = (uint)random.NextInt64(1, uint.MaxValue);
            if (ids.Add(id))
            {
                handlespace.Register(Handle, Pe(id, Policy.LeastUsed((uint)random.Next())), OwnRegistrar, 1);
            }
        }

        var page = new PoolElementEntry[128];
        var read = new List<uint>();
        HandlespaceCursor cursor = HandlespaceCursor.Start;
        bool more;
        do
        {
            int count = handlespace.ReadPage(cursor, page, null, out more);
            read.AddRange(page.Take(count).Select(e => e.Identifier));
            cursor = HandlespaceCursor.After(page[count - 1]);
        }
        while (more);

        Assert.Equal(ids.Order(), read);
    }
}
