// Weighted random selection without replacement (docs/protocol-notes.md §13): a Fenwick tree of selection values over slot
// indexes. A draw is O(log n); drawn PEs are zeroed for the rest of the selection and restored afterwards.
namespace RSerPool.Actors.Handlespace.Policies;

internal sealed class WeightedRandomSelector(WeightedRandomSelectionPolicy policy, Random random) : PoolSelector
{
    private const int MaxRejections = 4;

    private PoolElementEntry?[] _slots = new PoolElementEntry?[4];
    private long[] _values = new long[4];   // value currently in the tree per slot (0 while drawn)
    private long[] _tree = new long[5];     // 1-based Fenwick tree, capacity = _slots.Length (a power of two)
    private int _count;
    private long _total;

    public override int Count => _count;

    public override void Add(PoolElementEntry entry)
    {
        entry.Sequence = NextSequence();
        policy.OnAdded(entry, null);
        if (_count == _slots.Length)
        {
            Grow();
        }

        int slot = _count++;
        _slots[slot] = entry;
        entry.Slot = slot;
        entry.SelectionKey = policy.ComputeValue(entry);
        SetValue(slot, (long)entry.SelectionKey);
    }

    public override void Remove(PoolElementEntry entry)
    {
        int slot = entry.Slot;
        int last = _count - 1;
        SetValue(slot, 0);
        if (slot != last)
        {
            PoolElementEntry moved = _slots[last]!;
            SetValue(last, 0);
            _slots[slot] = moved;
            moved.Slot = slot;
            SetValue(slot, (long)moved.SelectionKey);
        }

        _slots[last] = null;
        _count--;
        entry.Slot = -1;
    }

    public override void Update(PoolElementEntry entry)
    {
        policy.OnUpdated(entry);
        entry.SelectionKey = policy.ComputeValue(entry);
        SetValue(entry.Slot, (long)entry.SelectionKey);
    }

    public override int Select(Span<PoolElementEntry> destination, int maxIncrement)
    {
        // Rejection of already drawn PEs gives exactly the distribution of drawing from the remaining ones; after a
        // few rejections in a row (heavy PEs already drawn) the drawn PEs are zeroed in the tree instead.
        int count = 0;
        int zeroed = 0;
        int rejections = 0;
        while (count < destination.Length && _total > 0)
        {
            PoolElementEntry entry = _slots[Find(random.NextInt64(_total))]!;
            if (AlreadyDrawn(destination[..count], entry))
            {
                if (++rejections < MaxRejections)
                {
                    continue;
                }

                for (; zeroed < count; zeroed++)
                {
                    SetValue(destination[zeroed].Slot, 0);
                }

                continue;
            }

            rejections = 0;
            destination[count++] = entry;
            if (zeroed > 0)
            {
                SetValue(entry.Slot, 0);
                zeroed++;
            }
        }

        for (int i = 0; i < count; i++)
        {
            PoolElementEntry entry = destination[i];
            if (i < maxIncrement)
            {
                policy.OnUsed(entry);
                entry.SelectionKey = policy.ComputeValue(entry);
            }

            SetValue(entry.Slot, (long)entry.SelectionKey);
        }

        return count;
    }

    private static bool AlreadyDrawn(ReadOnlySpan<PoolElementEntry> drawn, PoolElementEntry entry)
    {
        foreach (PoolElementEntry candidate in drawn)
        {
            if (ReferenceEquals(candidate, entry))
            {
                return true;
            }
        }

        return false;
    }

    private void SetValue(int slot, long value)
    {
        long delta = value - _values[slot];
        if (delta == 0)
        {
            return;
        }

        _values[slot] = value;
        _total += delta;
        for (int i = slot + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>The slot whose cumulative range contains <paramref name="target"/> (0 ≤ target &lt; total).</summary>
    private int Find(long target)
    {
        int position = 0;
        for (int step = _slots.Length; step > 0; step >>= 1)
        {
            int next = position + step;
            if (next < _tree.Length && _tree[next] <= target)
            {
                position = next;
                target -= _tree[next];
            }
        }

        return position;
    }

    private void Grow()
    {
        int capacity = _slots.Length * 2;
        Array.Resize(ref _slots, capacity);
        Array.Resize(ref _values, capacity);
        _tree = new long[capacity + 1];
        for (int i = 1; i <= capacity; i++)
        {
            _tree[i] += _values[i - 1];
            int parent = i + (i & -i);
            if (parent <= capacity)
            {
                _tree[parent] += _tree[i];
            }
        }
    }
}
