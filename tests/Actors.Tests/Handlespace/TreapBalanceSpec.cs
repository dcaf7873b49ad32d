// The intrusive treaps stay balanced for the key patterns the policies produce (docs/protocol-notes.md §13: many equal keys
// with increasing sequence numbers, sequential PE identifiers, keys that grow with every use), so selection stays
// O(log n). Sorted pools keep equal keys in a list per key group; the group tree and a group's treap of re-registered
// PEs are treaps too.
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Handlespace.Policies;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class TreapBalanceSpec
{
    private const int Count = 20_000;

    // A random treap of 20,000 nodes is about 30 deep; a degenerate one would be thousands deep.
    private const int MaxDepth = 80;

    [Fact]
    public void Equal_loads_and_sequential_identifiers_keep_the_identifier_tree_shallow_and_one_group()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxElementsPerAssociation = Count });
        for (uint id = 1; id <= Count; id++)
        {
            handlespace.Register(Handle, Pe(id, Policy.LeastUsed(0)), OwnRegistrar, 1);
        }

        for (int i = 0; i < Count; i++)
        {
            Select(handlespace, 1);
        }

        Assert.True(handlespace.TryGetPool(Handle, out Pool? pool));
        PoolElementEntry[] entries = pool.Elements.ToArray();
        Assert.InRange(entries.Max(e => Depth(e, x => x.IdentifierLinks.Parent)), 1, MaxDepth);
        KeyGroup group = Assert.IsType<SortedSelector>(pool.Selector).FirstGroup!;
        Assert.Null(IntrusiveTreap<KeyGroup, KeyGroupOrder>.Next(group));
        Assert.Equal(0ul, group.Key);
    }

    [Fact]
    public void Increasing_distinct_loads_keep_the_group_tree_shallow()
    {
        // Least Used with Degradation: every use raises the key, so groups come and go in increasing key order.
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxElementsPerAssociation = Count });
        for (uint id = 1; id <= Count; id++)
        {
            handlespace.Register(Handle, Pe(id, Policy.LeastUsedWithDegradation(id, 3)), OwnRegistrar, 1);
        }

        for (int i = 0; i < Count; i++)
        {
            Select(handlespace, 1);
        }

        Assert.True(handlespace.TryGetPool(Handle, out Pool? pool));
        var groups = new List<KeyGroup>();
        for (KeyGroup? group = Assert.IsType<SortedSelector>(pool.Selector).FirstGroup; group is not null; group = IntrusiveTreap<KeyGroup, KeyGroupOrder>.Next(group))
        {
            groups.Add(group);
        }

        Assert.True(groups.Count > Count / 4, $"{groups.Count} groups");
        Assert.InRange(groups.Max(g => Depth(g, x => x.Parent)), 1, MaxDepth);
    }

    [Fact]
    public void Re_registrations_into_one_key_in_reverse_order_keep_the_group_treap_shallow()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxElementsPerAssociation = Count });
        for (uint id = 1; id <= Count; id++)
        {
            handlespace.Register(Handle, Pe(id, Policy.LeastUsed(5)), OwnRegistrar, 1);
        }

        // Each moves to load 0 with its older sequence number: all but the first land in the group's treap.
        for (uint id = Count; id >= 1; id--)
        {
            handlespace.Register(Handle, Pe(id, Policy.LeastUsed(0)), OwnRegistrar, 1);
        }

        Assert.True(handlespace.TryGetPool(Handle, out Pool? pool));
        PoolElementEntry[] placed = pool.Elements.Where(e => e.IsPlacedInGroup).ToArray();
        Assert.Equal(Count - 1, placed.Length);
        Assert.InRange(placed.Max(e => Depth(e, x => x.Selection.Parent)), 1, MaxDepth);
        Assert.Equal([1u, 2u, 3u], Select(handlespace, 3));
    }

    [Fact]
    public void Re_registrations_into_one_key_in_ascending_order_keep_the_group_treap_shallow_and_ordered()
    {
        var handlespace = new PoolHandlespace(new HandlespaceSettings { MaxElementsPerAssociation = Count + 1 });
        for (uint id = 1; id <= Count; id++)
        {
            handlespace.Register(Handle, Pe(id, Policy.LeastUsed(5)), OwnRegistrar, 1);
        }

        // PE Count + 1 is the newest at load 0, so the others, older, are placed in front of it one after another.
        handlespace.Register(Handle, Pe(Count + 1, Policy.LeastUsed(0)), OwnRegistrar, 1);
        for (uint id = 1; id <= Count; id++)
        {
            handlespace.Register(Handle, Pe(id, Policy.LeastUsed(0)), OwnRegistrar, 1);
        }

        Assert.True(handlespace.TryGetPool(Handle, out Pool? pool));
        PoolElementEntry[] placed = pool.Elements.Where(e => e.IsPlacedInGroup).ToArray();
        Assert.Equal(Count, placed.Length);
        Assert.InRange(placed.Max(e => Depth(e, x => x.Selection.Parent)), 1, MaxDepth);
        var destination = new PoolElementEntry[Count + 1];
        Assert.Equal(Count + 1, pool.Select(destination, maxIncrement: 0));
        Assert.Equal(Enumerable.Range(1, Count + 1).Select(i => (uint)i), destination.Select(e => e.Identifier));
    }

    private static int Depth<T>(T node, Func<T, T?> parent)
        where T : class
    {
        int depth = 0;
        for (T? current = parent(node); current is not null; current = parent(current))
        {
            depth++;
        }

        return depth;
    }
}
