namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>
/// The mailbox's user queue (actor-kernel.md §2.2): many producers, one consumer, no allocation per message. Items live
/// in ring segments whose slots carry sequence numbers (the bounded-queue scheme of D. Vyukov, as in
/// ConcurrentQueue); the first segment has only 2 slots so an idle actor stays small, and a full segment is frozen and
/// followed by one of twice the size (up to 1024). Only the mailbox's running thread dequeues.
/// </summary>
internal sealed class MpscQueue<T>
{
    private const int InitialCapacity = 2;
    private const int MaxCapacity = 1024;

    private MpscSegment<T> _head;
    private MpscSegment<T> _tail;

    public MpscQueue() => _head = _tail = new MpscSegment<T>(InitialCapacity);

    /// <summary>Slots of the segment being filled (for tests and diagnostics).</summary>
    public int TailCapacity => Volatile.Read(ref _tail).Capacity;

    /// <summary>Adds an item; safe from any thread.</summary>
    public void Enqueue(T item)
    {
        while (true)
        {
            var segment = Volatile.Read(ref _tail);
            if (segment.TryEnqueue(item))
                return;
            Grow(segment);
        }
    }

    /// <summary>Takes the oldest item; consumer thread only. False when empty or when the next item is still being written.</summary>
    public bool TryDequeue(out T item)
    {
        while (true)
        {
            var segment = _head;
            if (segment.TryDequeue(out item))
                return true;
            if (segment.IsExhausted && Volatile.Read(ref segment.Next) is { } next)
            {
                _head = next;
                continue;
            }

            return false;
        }
    }

    /// <summary>
    /// True when no producer has claimed a slot that the consumer has not taken yet. Claims are visible at once (they are
    /// interlocked), so a consumer that sees "empty" after clearing its Scheduled bit cannot miss a producer that saw it set.
    /// </summary>
    public bool IsEmpty
    {
        get
        {
            var segment = _head;
            while (true)
            {
                if (segment.HasUnconsumed)
                    return false;
                if (!segment.IsFrozen || Volatile.Read(ref segment.Next) is not { } next)
                    return true;
                segment = next;
            }
        }
    }

    private void Grow(MpscSegment<T> full)
    {
        lock (full) // segments are private objects; contention only while one is full
        {
            if (!ReferenceEquals(Volatile.Read(ref _tail), full))
                return; // another producer already grew the queue
            var next = new MpscSegment<T>(Math.Min(full.Capacity * 2, MaxCapacity));
            Volatile.Write(ref full.Next, next); // linked before the freeze, so a consumer that sees the freeze finds it
            full.Freeze();
            Volatile.Write(ref _tail, next);
        }
    }
}
