// PEs in sequence order as a doubly linked list through their Selection links (Left = previous, Right = next):
// appending and unlinking are O(1). Round robin keeps a whole pool in one (docs/protocol-notes.md §13), a sorted
// selection's key group the PEs appended with fresh sequence numbers.
namespace RSerPool.Actors.Handlespace.Policies;

internal struct SelectionList
{
    public PoolElementEntry? Head;

    public PoolElementEntry? Tail;

    public void Append(PoolElementEntry entry)
    {
        entry.Selection.Left = Tail;
        entry.Selection.Right = null;
        entry.Selection.Parent = null;
        if (Tail is null)
        {
            Head = entry;
        }
        else
        {
            Tail.Selection.Right = entry;
        }

        Tail = entry;
    }

    public void Unlink(PoolElementEntry entry)
    {
        PoolElementEntry? previous = entry.Selection.Left;
        PoolElementEntry? next = entry.Selection.Right;
        if (previous is null)
        {
            Head = next;
        }
        else
        {
            previous.Selection.Right = next;
        }

        if (next is null)
        {
            Tail = previous;
        }
        else
        {
            next.Selection.Left = previous;
        }

        entry.Selection.Left = null;
        entry.Selection.Right = null;
    }
}
