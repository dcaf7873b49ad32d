// Expiry index of PE copies learned via ENRP (RFC 5353 §3.3, docs/protocol-notes.md §11: a copy expires after its Registration Life):
// a binary min-heap keyed by (expiry, pool handle, PE ID) with the heap index stored in the entry.
namespace RSerPool.Actors.Handlespace;

internal sealed class ExpiryHeap
{
    private PoolElementEntry[] _items = new PoolElementEntry[16];

    public int Count { get; private set; }

    public PoolElementEntry? Peek => Count > 0 ? _items[0] : null;

    /// <summary>Adds the entry, or moves it when it is already in the heap (its <c>ExpiresAt</c> changed).</summary>
    public void Set(PoolElementEntry entry)
    {
        if (entry.ExpiryIndex < 0)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, Count * 2);
            }

            entry.ExpiryIndex = Count;
            _items[Count++] = entry;
        }

        SiftDown(SiftUp(entry.ExpiryIndex));
    }

    public void Remove(PoolElementEntry entry)
    {
        int index = entry.ExpiryIndex;
        if (index < 0)
        {
            return;
        }

        entry.ExpiryIndex = -1;
        int last = --Count;
        if (index != last)
        {
            PoolElementEntry moved = _items[last];
            _items[index] = moved;
            moved.ExpiryIndex = index;
            SiftDown(SiftUp(index));
        }

        _items[last] = null!;
    }

    private static bool Before(PoolElementEntry left, PoolElementEntry right)
    {
        if (left.ExpiresAt != right.ExpiresAt)
        {
            return left.ExpiresAt < right.ExpiresAt;
        }

        int byHandle = left.PoolHandle.Span.SequenceCompareTo(right.PoolHandle.Span);
        return byHandle != 0 ? byHandle < 0 : left.Identifier < right.Identifier;
    }

    private int SiftUp(int index)
    {
        PoolElementEntry entry = _items[index];
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!Before(entry, _items[parent]))
            {
                break;
            }

            Place(_items[parent], index);
            index = parent;
        }

        Place(entry, index);
        return index;
    }

    private void SiftDown(int index)
    {
        PoolElementEntry entry = _items[index];
        while (true)
        {
            int child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Before(_items[child + 1], _items[child]))
            {
                child++;
            }

            if (!Before(_items[child], entry))
            {
                break;
            }

            Place(_items[child], index);
            index = child;
        }

        Place(entry, index);
    }

    private void Place(PoolElementEntry entry, int index)
    {
        _items[index] = entry;
        entry.ExpiryIndex = index;
    }
}
