// Balanced search tree over PE entries (or key groups) without per-node allocation (docs/protocol-notes.md §13 sorted selection, docs/protocol-notes.md §10
// paging): a treap whose nodes are the entries themselves, with parent links for O(1) amortised in-order steps.
namespace RSerPool.Actors.Handlespace;

/// <summary>
/// An intrusive treap of <typeparamref name="TNode"/> ordered by <typeparamref name="TOrder"/>. Insert and remove are
/// O(log n) expected; the first node is cached. Keys of a node must not change while it is in the tree.
/// </summary>
internal sealed class IntrusiveTreap<TNode, TOrder>
    where TNode : class
    where TOrder : struct, ITreapOrder<TNode>
{
    private TNode? _root;

    public TNode? First { get; private set; }

    public int Count { get; private set; }

    public void Insert(TNode entry)
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

        TNode current = _root;
        bool leftmost = true;
        while (true)
        {
            if (TOrder.Compare(entry, current) < 0)
            {
                ref TNode? left = ref TOrder.Left(current);
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
                ref TNode? right = ref TOrder.Right(current);
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

    /// <summary>
    /// Inserts <paramref name="entry"/> with <paramref name="hint"/> (a node in this tree) as the likely predecessor:
    /// O(1) expected when it is, a plain <see cref="Insert"/> otherwise. Ascending runs of inserts are cheap this way.
    /// </summary>
    public void InsertAfter(TNode hint, TNode entry)
    {
        TNode? next = Next(hint);
        if (TOrder.Compare(hint, entry) >= 0 || (next is not null && TOrder.Compare(entry, next) >= 0))
        {
            Insert(entry);
            return;
        }

        // The in-order successor of hint has a free left link; hint itself a free right link when it has no right child.
        TOrder.Left(entry) = null;
        TOrder.Right(entry) = null;
        Count++;
        if (TOrder.Right(hint) is null)
        {
            TOrder.Right(hint) = entry;
            TOrder.Parent(entry) = hint;
        }
        else
        {
            TOrder.Left(next!) = entry;
            TOrder.Parent(entry) = next;
        }

        uint priority = TOrder.Priority(entry);
        while (TOrder.Parent(entry) is { } parent && TOrder.Priority(parent) < priority)
        {
            RotateUp(entry);
        }
    }

    public void Remove(TNode entry)
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

        TNode? child = TOrder.Left(entry) ?? TOrder.Right(entry);
        TNode? parent = TOrder.Parent(entry);
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
    public static TNode? Next(TNode entry)
    {
        if (TOrder.Right(entry) is { } right)
        {
            TNode node = right;
            while (TOrder.Left(node) is { } left)
            {
                node = left;
            }

            return node;
        }

        TNode current = entry;
        TNode? parent = TOrder.Parent(entry);
        while (parent is not null && ReferenceEquals(TOrder.Right(parent), current))
        {
            current = parent;
            parent = TOrder.Parent(parent);
        }

        return parent;
    }

    /// <summary>The first entry for which <paramref name="isAfter"/> is true, given that it is monotone in the order.</summary>
    public TNode? FirstWhere<TState>(TState state, Func<TState, TNode, bool> isAfter)
    {
        TNode? node = _root;
        TNode? candidate = null;
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

    private void RotateUp(TNode node)
    {
        TNode parent = TOrder.Parent(node)!;
        TNode? grandparent = TOrder.Parent(parent);

        if (ReferenceEquals(TOrder.Left(parent), node))
        {
            TNode? moved = TOrder.Right(node);
            TOrder.Left(parent) = moved;
            if (moved is not null)
            {
                TOrder.Parent(moved) = parent;
            }

            TOrder.Right(node) = parent;
        }
        else
        {
            TNode? moved = TOrder.Left(node);
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

    private void ReplaceChild(TNode? parent, TNode oldChild, TNode? newChild)
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
