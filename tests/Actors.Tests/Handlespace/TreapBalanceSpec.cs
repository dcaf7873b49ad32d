// The intrusive treaps stay balanced for the key patterns the policies produce (docs/protocol-notes.md §13: many equal keys
// with increasing sequence numbers, sequential PE identifiers), so selection stays O(log n).
using RSerPool.Actors.Handlespace;
using Xunit;
using static RSerPool.Actors.Tests.Handlespace.Support.Elements;
using Policy = RSerPool.Wire.Parameters.PoolMemberSelectionPolicy;

namespace RSerPool.Actors.Tests.Handlespace;

public sealed class TreapBalanceSpec
{
    private const int Count = 20_000;

    [Fact]
    public void Equal_loads_and_sequential_identifiers_keep_both_trees_shallow()
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
        int selectionDepth = entries.Max(e => Depth(e, x => x.Selection.Parent));
        int identifierDepth = entries.Max(e => Depth(e, x => x.IdentifierLinks.Parent));

        // A random treap of 20,000 nodes is about 30 deep; a degenerate one would be thousands deep.
        Assert.InRange(selectionDepth, 1, 80);
        Assert.InRange(identifierDepth, 1, 80);
    }

    private static int Depth(PoolElementEntry entry, Func<PoolElementEntry, PoolElementEntry?> parent)
    {
        int depth = 0;
        for (PoolElementEntry? node = parent(entry); node is not null; node = parent(node))
        {
            depth++;
        }

        return depth;
    }
}
