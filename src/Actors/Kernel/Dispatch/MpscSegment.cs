namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>
/// One ring of <see cref="MpscQueue{T}"/>. Slot i starts with sequence i; a producer claims position p when the slot's
/// sequence equals p (CAS on the tail), writes the item and publishes sequence p + 1; the consumer takes position h when
/// the sequence is h + 1 and frees the slot for the next lap with sequence h + capacity. Freezing moves the tail two
/// laps ahead so that every later claim fails and producers move to the next segment.
/// </summary>
internal sealed class MpscSegment<T>
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private int _tail;
    private int _head;
    private int _frozenTail;
    private volatile bool _frozen;

    public MpscSegment<T>? Next;

    public MpscSegment(int capacity)
    {
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < capacity; i++)
            _slots[i].Sequence = i;
    }

    public int Capacity => _slots.Length;

    public bool IsFrozen => _frozen;

    /// <summary>Frozen and every claimed position consumed (consumer thread).</summary>
    public bool IsExhausted => _frozen && _head == _frozenTail;

    /// <summary>Some claimed position is not consumed yet (consumer thread).</summary>
    public bool HasUnconsumed
    {
        get
        {
            var tail = Volatile.Read(ref _tail);
            if (_frozen)
                tail = _frozenTail;
            return tail != _head;
        }
    }

    public bool TryEnqueue(T item)
    {
        while (true)
        {
            var tail = Volatile.Read(ref _tail);
            ref var slot = ref _slots[tail & _mask];
            var diff = Volatile.Read(ref slot.Sequence) - tail;
            if (diff == 0)
            {
                if (Interlocked.CompareExchange(ref _tail, tail + 1, tail) == tail)
                {
                    slot.Item = item;
                    Volatile.Write(ref slot.Sequence, tail + 1);
                    return true;
                }
            }
            else if (diff < 0)
            {
                return false; // full (or frozen)
            }
        }
    }

    public bool TryDequeue(out T item)
    {
        var head = _head;
        ref var slot = ref _slots[head & _mask];
        if (Volatile.Read(ref slot.Sequence) != head + 1)
        {
            item = default!;
            return false;
        }

        item = slot.Item;
        slot.Item = default!;
        Volatile.Write(ref slot.Sequence, head + _slots.Length);
        _head = head + 1;
        return true;
    }

    /// <summary>Makes every later <see cref="TryEnqueue"/> fail; called once, under the queue's grow lock.</summary>
    public void Freeze()
    {
        _frozenTail = Interlocked.Add(ref _tail, _slots.Length * 2) - (_slots.Length * 2);
        _frozen = true;
    }

    private struct Slot
    {
        public T Item;
        public int Sequence;
    }
}
