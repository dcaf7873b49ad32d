// Random (docs/protocol-notes.md §13): every PE has v = 1, so k PEs are drawn uniformly without replacement by a partial
// Fisher-Yates shuffle over the slot array: O(k) per selection, independent of the pool size.
namespace RSerPool.Actors.Handlespace.Policies;

internal sealed class UniformRandomSelector(Random random) : PoolSelector
{
    private PoolElementEntry[] _slots = new PoolElementEntry[4];
    private int _count;

    public override int Count => _count;

    public override void Add(PoolElementEntry entry)
    {
        entry.Sequence = NextSequence();
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _count * 2);
        }

        Place(entry, _count++);
    }

    public override void Remove(PoolElementEntry entry)
    {
        int last = --_count;
        if (entry.Slot != last)
        {
            Place(_slots[last], entry.Slot);
        }

        _slots[last] = null!;
        entry.Slot = -1;
    }

    public override void Update(PoolElementEntry entry)
    {
    }

    public override int Select(Span<PoolElementEntry> destination, int maxIncrement)
    {
        int count = Math.Min(destination.Length, _count);
        for (int i = 0; i < count; i++)
        {
            int drawn = i + random.Next(_count - i);
            PoolElementEntry entry = _slots[drawn];
            if (drawn != i)
            {
                Place(_slots[i], drawn);
                Place(entry, i);
            }

            destination[i] = entry;
        }

        return count;
    }

    private void Place(PoolElementEntry entry, int slot)
    {
        _slots[slot] = entry;
        entry.Slot = slot;
    }
}
