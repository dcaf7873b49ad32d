// Balanced search tree over PE entries without per-node allocation (docs/protocol-notes.md §13 sorted selection, docs/protocol-notes.md §10
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
        TOrder.Left(entry) = null;
        TOrder.Right(entry) = null;
        TOrder.Parent(entry) = null;
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
            if (TOrder.Compare(entry, current) < 0)
            {
                ref PoolElementEntry? left = ref TOrder.Left(current);
                if (left is null)
                {
                    left = entry;
                    break;
                }

                current = left;
            }
            else
            {
                leftmost = false;
                ref PoolElementEntry? right = ref TOrder.Right(current);
                if (right is null)
                {
                    right = entry;
                    break;
                }

                current = right;
            }
        }

        TOrder.Parent(entry) = current;
        if (leftmost)
        {
            First = entry;
        }

        uint priority = TOrder.Priority(entry);
        while (TOrder.Parent(entry) is { } parent && TOrder.Priority(parent) < priority)
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

        // Rotate the entry down until it has at most one child, always lifting the child with the higher priority.
        while (TOrder.Left(entry) is { } left && TOrder.Right(entry) is { } right)
        {
            RotateUp(TOrder.Priority(left) >= TOrder.Priority(right) ? left : right);
        }

        PoolElementEntry? child = TOrder.Left(entry) ?? TOrder.Right(entry);
        PoolElementEntry? parent = TOrder.Parent(entry);
        if (child is not null)
        {
            TOrder.Parent(child) = parent;
        }

        ReplaceChild(parent, entry, child);
        TOrder.Left(entry) = null;
        TOrder.Right(entry) = null;
        TOrder.Parent(entry) = null;
        Count--;
    }

    /// <summary>The in-order successor of <paramref name="entry"/>, or null.</summary>
    public static PoolElementEntry? Next(PoolElementEntry entry)
    {
        if (TOrder.Right(entry) is { } right)
        {
            PoolElementEntry node = right;
            while (TOrder.Left(node) is { } left)
            {
                node = left;
            }

            return node;
        }

        PoolElementEntry current = entry;
        PoolElementEntry? parent = TOrder.Parent(entry);
        while (parent is not null && ReferenceEquals(TOrder.Right(parent), current))
        {
            current = parent;
            parent = TOrder.Parent(parent);
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
                node = TOrder.Left(node);
            }
            else
            {
                node = TOrder.Right(node);
            }
        }

        return candidate;
    }

    private void RotateUp(PoolElementEntry node)
    {
        PoolElementEntry parent = TOrder.Parent(node)!;
        PoolElementEntry? grandparent = TOrder.Parent(parent);

        if (ReferenceEquals(TOrder.Left(parent), node))
        {
            PoolElementEntry? moved = TOrder.Right(node);
            TOrder.Left(parent) = moved;
            if (moved is not null)
            {
                TOrder.Parent(moved) = parent;
            }

            TOrder.Right(node) = parent;
        }
        else
        {
            PoolElementEntry? moved = TOrder.Left(node);
            TOrder.Right(parent) = moved;
            if (moved is not null)
            {
                TOrder.Parent(moved) = parent;
            }

            TOrder.Left(node) = parent;
        }

        TOrder.Parent(parent) = node;
        TOrder.Parent(node) = grandparent;
        ReplaceChild(grandparent, parent, node);
    }

    private void ReplaceChild(PoolElementEntry? parent, PoolElementEntry oldChild, PoolElementEntry? newChild)
    {
        if (parent is null)
        {
            _root = newChild;
            return;
        }

        if (ReferenceEquals(TOrder.Left(parent), oldChild))
        {
            TOrder.Left(parent) = newChild;
        }
        else
        {
            TOrder.Right(parent) = newChild;
        }
    }
}
