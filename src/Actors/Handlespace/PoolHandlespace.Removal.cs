// Removal of PEs (RFC 5352 §3.2 deregistration and association loss, RFC 5352 §3.5 unreachable reports; RFC 5353 §3.3 DEL_PE,
// expiry of copies). A pool disappears with its last PE (RFC 5352 §3.1).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

public sealed partial class PoolHandlespace
{
    /// <summary>The earliest expiry of a copy, or <see cref="NoExpiry"/> (for scheduling the next sweep).</summary>
    public long NextExpiry => _expiry.Peek?.ExpiresAt ?? NoExpiry;

    /// <summary>Removes the PE (deregistration, DEL_PE, keep-alive failure); returns it, or null when unknown.</summary>
    public PoolElementEntry? Remove(PoolHandle poolHandle, uint identifier)
    {
        if (!TryGetElement(poolHandle, identifier, out PoolElementEntry? entry))
        {
            return null;
        }

        Remove(entry);
        return entry;
    }

    /// <summary>Removes <paramref name="entry"/> if it is still registered; true when it was.</summary>
    public bool Remove(PoolElementEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.IsRegistered)
        {
            return false;
        }

        Pool pool = entry.Pool;
        pool.Remove(entry);
        LeaveOwner(entry);
        LeaveAssociation(entry);
        _expiry.Remove(entry);
        entry.IsRegistered = false;
        ElementCount--;
        if (pool.Count == 0)
        {
            _pools.Remove(pool.Handle);
            _poolOrder.RemoveAt(FindPoolIndex(pool.Handle));
            pool.IsRegistered = false;
        }

        return true;
    }

    /// <summary>Number of PEs registered over the association.</summary>
    public int CountOfAssociation(long associationId) =>
        _associations.TryGetValue(associationId, out AssociationSet? set) ? set.Count : 0;

    /// <summary>
    /// Removes every PE registered over the association (docs/protocol-notes.md §9) and appends them to
    /// <paramref name="removed"/> so that the registrar can send DEL_PE for those it owned. Returns the count.
    /// </summary>
    public int RemoveAssociation(long associationId, List<PoolElementEntry> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        if (associationId == 0 || !_associations.TryGetValue(associationId, out AssociationSet? set))
        {
            return 0;
        }

        int count = 0;
        while (set.Head is { } entry)
        {
            Remove(entry);
            removed.Add(entry);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Counts an Endpoint Unreachable report (RFC 5352 §3.5); at MAX-BAD-PE-REPORT the PE is removed and returned in
    /// <paramref name="entry"/>. With a report window, the count is the number of distinct <paramref name="reporter"/>s
    /// heard within the window up to <paramref name="nowMs"/>: one reporter repeating itself counts once.
    /// </summary>
    public UnreachableOutcome ReportUnreachable(PoolHandle poolHandle, uint identifier, string reporter, long nowMs, out PoolElementEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        if (!TryGetElement(poolHandle, identifier, out entry))
        {
            return UnreachableOutcome.UnknownElement;
        }

        long windowMs = (long)Settings.UnreachableReportWindow.TotalMilliseconds;
        if (windowMs <= 0)
        {
            entry.UnreachableReports++;
        }
        else
        {
            var reporters = entry.UnreachableReporters ??= [];
            foreach (var (key, at) in reporters)
            {
                if (nowMs - at >= windowMs)
                {
                    reporters.Remove(key);   // removing while enumerating a Dictionary is allowed (.NET Core 3.0+)
                }
            }

            reporters[reporter] = nowMs;
            entry.UnreachableReports = reporters.Count;
        }

        if (entry.UnreachableReports < Settings.MaxUnreachableReports)
        {
            return UnreachableOutcome.Counted;
        }

        Remove(entry);
        return UnreachableOutcome.Removed;
    }

    /// <summary>Removes every copy with <c>ExpiresAt ≤ now</c> (docs/protocol-notes.md §11), appending them to <paramref name="removed"/>.</summary>
    public int RemoveExpired(long now, List<PoolElementEntry> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        int count = 0;
        while (_expiry.Peek is { } entry && entry.ExpiresAt <= now)
        {
            Remove(entry);
            removed.Add(entry);
            count++;
        }

        return count;
    }
}
