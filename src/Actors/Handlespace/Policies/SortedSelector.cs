// Sorted selection (docs/protocol-notes.md §13): first k PEs in (key, seq) order; the first min(k, MaxIncrement) get a fresh
// sequence number and the policy's update rule. PEs are kept in groups of equal key (KeyGroup) in a tree of groups:
// a PE with a fresh sequence number goes to the end of its group in O(1) (O(log g) for a new key, g = distinct keys),
// so a Least Used selection whose key does not change costs O(k). No allocation in steady state: emptied groups
// are kept for reuse (a few).
namespace RSerPool.Actors.Handlespace.Policies;

internal sealed class SortedSelector(SortedSelectionPolicy policy) : PoolSelector
{
    private const int MaxSpareGroups = 64;

    // Group tree priorities mix the key with a per-pool random seed, so PEs cannot pick loads that unbalance it.
    private readonly uint _prioritySeed = (uint)Random.Shared.Next();

    private readonly IntrusiveTreap<KeyGroup, KeyGroupOrder> _groups = new();
    private KeyGroup? _spare;   // emptied groups for reuse, linked by Right
    private int _spareCount;
    private int _count;

    public override int Count => _count;

    /// <summary>The group of the smallest key (tests walk the group tree from it).</summary>
    internal KeyGroup? FirstGroup => _groups.First;

    public override void Add(PoolElementEntry entry)
    {
        entry.Sequence = NextSequence();
        policy.OnAdded(entry, _groups.First?.First);
        entry.SelectionKey = policy.ComputeKey(entry);
        GroupOf(entry.SelectionKey, create: true)!.Append(entry);
        _count++;
    }

    public override void Remove(PoolElementEntry entry)
    {
        Detach(entry, GroupOf(entry.SelectionKey, create: false)!);
        _count--;
    }

    public override void Update(PoolElementEntry entry)
    {
        policy.OnUpdated(entry);
        ulong key = policy.ComputeKey(entry);
        if (key == entry.SelectionKey)
        {
            // Same key, same sequence number: the place in the (key, seq) order is the same (RSPLIB, too, leaves an
            // unchanged PE where it is).
            return;
        }

        Detach(entry, GroupOf(entry.SelectionKey, create: false)!);
        entry.SelectionKey = key;
        GroupOf(key, create: true)!.Place(entry);
    }

    public override int Select(Span<PoolElementEntry> destination, int maxIncrement)
    {
        int count = 0;
        for (KeyGroup? group = _groups.First; group is not null && count < destination.Length; group = IntrusiveTreap<KeyGroup, KeyGroupOrder>.Next(group))
        {
            // Merge the group's appended list and its placed treap, both in sequence order.
            PoolElementEntry? appended = group.Appended.Head;
            PoolElementEntry? placed = group.Placed?.First;
            while (count < destination.Length && (appended is not null || placed is not null))
            {
                // The last PE taken is not read (in a large pool it is a cache miss that nothing needs).
                if (placed is null || (appended is not null && appended.Sequence < placed.Sequence))
                {
                    destination[count++] = appended!;
                    appended = count < destination.Length ? appended!.Selection.Right : null;
                }
                else
                {
                    destination[count++] = placed;
                    placed = count < destination.Length ? IntrusiveTreap<PoolElementEntry, SelectionOrder>.Next(placed) : null;
                }
            }
        }

        int used = Math.Min(count, maxIncrement);
        for (int i = 0; i < used; i++)
        {
            PoolElementEntry entry = destination[i];
            KeyGroup group = GroupOf(entry.SelectionKey, create: false)!;
            group.Remove(entry);
            entry.Sequence = NextSequence();
            policy.OnUsed(entry);
            ulong key = policy.ComputeKey(entry);
            if (key == group.Key)
            {
                group.Append(entry);
                continue;
            }

            if (group.IsEmpty)
            {
                Release(group);
            }

            entry.SelectionKey = key;
            GroupOf(key, create: true)!.Append(entry);
        }

        return count;
    }

    private void Detach(PoolElementEntry entry, KeyGroup group)
    {
        group.Remove(entry);
        if (group.IsEmpty)
        {
            Release(group);
        }
    }

    /// <summary>The group of <paramref name="key"/>; a new (or reused) one when there is none and <paramref name="create"/>.</summary>
    private KeyGroup? GroupOf(ulong key, bool create)
    {
        // The first group is the one selections touch: check it before searching.
        KeyGroup? group = _groups.First;
        if (group is null || group.Key != key)
        {
            group = _groups.FirstWhere(key, static (k, g) => g.Key >= k);
        }

        if (group is not null && group.Key == key)
        {
            return group;
        }

        if (!create)
        {
            return null;
        }

        if (_spare is { } spare)
        {
            _spare = spare.Right;
            _spareCount--;
            group = spare;
        }
        else
        {
            group = new KeyGroup();
        }

        group.Key = key;
        group.Priority = TreapPriority.Mix(key, _prioritySeed);
        _groups.Insert(group);
        return group;
    }

    private void Release(KeyGroup group)
    {
        _groups.Remove(group);
        group.Appended = default;
        if (_spareCount < MaxSpareGroups)
        {
            group.Right = _spare;
            _spare = group;
            _spareCount++;
        }
    }
}
