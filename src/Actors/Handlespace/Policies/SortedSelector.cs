// Sorted selection (docs/protocol-notes.md §13): first k PEs in (key, seq) order; the first min(k, MaxIncrement) get a fresh
// sequence number and the policy's update rule. O(k log n), no allocation.
namespace RSerPool.Actors.Handlespace.Policies;

internal sealed class SortedSelector(SortedSelectionPolicy policy) : PoolSelector
{
    private readonly IntrusiveTreap<SelectionOrder> _order = new();

    public override int Count => _order.Count;

    public override void Add(PoolElementEntry entry)
    {
        entry.Sequence = NextSequence();
        policy.OnAdded(entry, _order.First);
        entry.SelectionKey = policy.ComputeKey(entry);
        _order.Insert(entry);
    }

    public override void Remove(PoolElementEntry entry) => _order.Remove(entry);

    public override void Update(PoolElementEntry entry)
    {
        _order.Remove(entry);
        policy.OnUpdated(entry);
        entry.SelectionKey = policy.ComputeKey(entry);
        _order.Insert(entry);
    }

    public override int Select(Span<PoolElementEntry> destination, int maxIncrement)
    {
        int count = 0;
        for (PoolElementEntry? entry = _order.First; entry is not null && count < destination.Length; entry = IntrusiveTreap<SelectionOrder>.Next(entry))
        {
            destination[count++] = entry;
        }

        int used = Math.Min(count, maxIncrement);
        for (int i = 0; i < used; i++)
        {
            PoolElementEntry entry = destination[i];
            _order.Remove(entry);
            entry.Sequence = NextSequence();
            policy.OnUsed(entry);
            entry.SelectionKey = policy.ComputeKey(entry);
            _order.Insert(entry);
        }

        return count;
    }
}
