// Round robin in O(1) (docs/protocol-notes.md §13): with a constant key the sorted order is the sequence order, which only
// changes by appending (new PE, or a used PE getting a fresh sequence number) and unlinking. A doubly linked list
// in sequence order is therefore the same order as the (key, seq) tree, at O(1) per step.
namespace RSerPool.Actors.Handlespace.Policies;

internal sealed class RoundRobinSelector : PoolSelector
{
    private SelectionList _list;
    private int _count;

    public override int Count => _count;

    public override void Add(PoolElementEntry entry)
    {
        entry.Sequence = NextSequence();
        _list.Append(entry);
        _count++;
    }

    public override void Remove(PoolElementEntry entry)
    {
        _list.Unlink(entry);
        _count--;
    }

    /// <summary>Re-registration keeps the position (docs/protocol-notes.md §13).</summary>
    public override void Update(PoolElementEntry entry)
    {
    }

    public override int Select(Span<PoolElementEntry> destination, int maxIncrement)
    {
        int count = 0;
        for (PoolElementEntry? entry = _list.Head; entry is not null && count < destination.Length; entry = entry.Selection.Right)
        {
            destination[count++] = entry;
        }

        int used = Math.Min(count, maxIncrement);
        for (int i = 0; i < used; i++)
        {
            PoolElementEntry entry = destination[i];
            _list.Unlink(entry);
            entry.Sequence = NextSequence();
            _list.Append(entry);
        }

        return count;
    }
}
