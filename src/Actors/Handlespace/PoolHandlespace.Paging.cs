// Ordered enumeration for Handle Table Responses (RFC 5353 §2.3, docs/protocol-notes.md §10): by pool handle bytes,
// then PE ID, resuming after the last entry sent; optionally only the PEs of one owner (W=1).
namespace RSerPool.Actors.Handlespace;

public sealed partial class PoolHandlespace
{
    /// <summary>
    /// Copies the next entries after <paramref name="after"/> into <paramref name="destination"/> (up to its length),
    /// only PEs owned by <paramref name="ownerFilter"/> when given. <paramref name="more"/> says whether further entries
    /// follow (the M flag). Resume with <see cref="HandlespaceCursor.After"/> of the last entry returned.
    /// </summary>
    public int ReadPage(HandlespaceCursor after, Span<PoolElementEntry> destination, uint? ownerFilter, out bool more)
    {
        int count = 0;
        more = false;
        int poolIndex = 0;
        if (!after.IsStart)
        {
            int found = FindPoolIndex(after.PoolHandle);
            poolIndex = found >= 0 ? found : ~found;
        }

        for (; poolIndex < _poolOrder.Count; poolIndex++)
        {
            Pool pool = _poolOrder[poolIndex];
            PoolElementEntry? entry = !after.IsStart && pool.Handle == after.PoolHandle
                ? pool.FirstAfter(after.Identifier)
                : pool.FirstByIdentifier;
            for (; entry is not null; entry = IntrusiveTreap<PoolElementEntry, IdentifierOrder>.Next(entry))
            {
                if (ownerFilter is { } owner && entry.OwnerId != owner)
                {
                    continue;
                }

                if (count == destination.Length)
                {
                    more = true;
                    return count;
                }

                destination[count++] = entry;
            }
        }

        return count;
    }
}
