// Balanced search tree over PE entries without per-node allocation (policies.md §3 sorted selection, enrp.md §4.4
// paging): a treap whose nodes are the entries themselves, with parent links for O(1) amortised in-order steps.
namespace RSerPool.Actors.Handlespace;

/// <summary>
/// An intrusive treap ordered by <typeparamref name="TOrder"/>. Insert and remove are O(log n) expected; the first
/// entry is cached. Keys of an entry must not change while it is in the tree.
/// </summary>
internal sealed class IntrusiveTreap<TOrder>
    where TOrder : struct, ITreapOrder
{
    private PoolElementEntry? _root;

    public PoolElementEntry? First { get; private set; }

    public int Count { get; private set; }

    public void Insert(PoolElementEntry entry)
    {
        ref TreapLinks links = ref TOrder.Links(entry);
        links = default;
        Count++;
        if (_root is null)
        {
            _root = entry;
            First = entry;
            return;
        }

        PoolElementEntry current = _root;
        bool leftmost = true;
        while (true)
        {
            ref TreapLinks currentLinks = ref TOrder.Links(current);
            if (TOrder.Compare(entry, current) < 0)
            {
                if (currentLinks.Left is null)
                {
                    currentLinks.Left = entry;
                    break;
                }

                current = currentLinks.Left;
            }
            else
            {
                leftmost = false;
                if (currentLinks.Right is null)
                {
                    currentLinks.Right = entry;
                    break;
                }

                current = currentLinks.Right;
            }
        }

        links.Parent = current;
        if (leftmost)
        {
            First = entry;
        }

        uint priority = TOrder.Priority(entry);
        while (links.Parent is { } parent && TOrder.Priority(parent) < priority)
        {
            RotateUp(entry);
        }
    }

    public void Remove(PoolElementEntry entry)
    {
        if (ReferenceEquals(First, entry))
        {
            First = Next(entry);
        }

        ref TreapLinks links = ref TOrder.Links(entry);

        // Rotate the entry down until it has at most one child, always lifting the child with the higher priority.
        while (links.Left is { } left && links.Right is { } right)
        {
            RotateUp(TOrder.Priority(left) >= TOrder.Priority(right) ? left : right);
        }

        PoolElementEntry? child = links.Left ?? links.Right;
        if (child is not null)
        {
            TOrder.Links(child).Parent = links.Parent;
        }

        ReplaceChild(links.Parent, entry, child);
        links = default;
        Count--;
    }

    /// <summary>The in-order successor of <paramref name="entry"/>, or null.</summary>
    public static PoolElementEntry? Next(PoolElementEntry entry)
    {
        ref TreapLinks links = ref TOrder.Links(entry);
        if (links.Right is { } right)
        {
            PoolElementEntry node = right;
            while (TOrder.Links(node).Left is { } left)
            {
                node = left;
            }

            return node;
        }

        PoolElementEntry current = entry;
        PoolElementEntry? parent = links.Parent;
        while (parent is not null && ReferenceEquals(TOrder.Links(parent).Right, current))
        {
            current = parent;
            parent = TOrder.Links(parent).Parent;
        }

        return parent;
    }

    /// <summary>The first entry for which <paramref name="isAfter"/> is true, given that it is monotone in the order.</summary>
    public PoolElementEntry? FirstWhere<TState>(TState state, Func<TState, PoolElementEntry, bool> isAfter)
    {
        PoolElementEntry? node = _root;
        PoolElementEntry? candidate = null;
        while (node is not null)
        {
            if (isAfter(state, node))
            {
                candidate = node;
                node = TOrder.Links(node).Left;
            }
            else
            {
                node = TOrder.Links(node).Right;
            }
        }

        return candidate;
    }

    private void RotateUp(PoolElementEntry node)
    {
        ref TreapLinks nodeLinks = ref TOrder.Links(node);
        PoolElementEntry parent = nodeLinks.Parent!;
        ref TreapLinks parentLinks = ref TOrder.Links(parent);
        PoolElementEntry? grandparent = parentLinks.Parent;

        if (ReferenceEquals(parentLinks.Left, node))
        {
            parentLinks.Left = nodeLinks.Right;
            if (nodeLinks.Right is { } moved)
            {
                TOrder.Links(moved).Parent = parent;
            }

            nodeLinks.Right = parent;
        }
        else
        {
            parentLinks.Right = nodeLinks.Left;
            if (nodeLinks.Left is { } moved)
            {
                TOrder.Links(moved).Parent = parent;
            }

            nodeLinks.Left = parent;
        }

        parentLinks.Parent = node;
        nodeLinks.Parent = grandparent;
        ReplaceChild(grandparent, parent, node);
    }

    private void ReplaceChild(PoolElementEntry? parent, PoolElementEntry oldChild, PoolElementEntry? newChild)
    {
        if (parent is null)
        {
            _root = newChild;
            return;
        }

        ref TreapLinks parentLinks = ref TOrder.Links(parent);
        if (ReferenceEquals(parentLinks.Left, oldChild))
        {
            parentLinks.Left = newChild;
        }
        else
        {
            parentLinks.Right = newChild;
        }
    }
}
