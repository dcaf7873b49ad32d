// Pool member selection policy (RFC 5356, docs/protocol-notes.md §13). One subclass per policy code, one file each.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace.Policies;

/// <summary>
/// A selection policy. Concrete policies derive from <see cref="SortedSelectionPolicy"/> or
/// <see cref="WeightedRandomSelectionPolicy"/> and are registered in a <see cref="PolicyRegistry"/> by their
/// <see cref="Type"/>; adding one needs no change to the others.
/// </summary>
public abstract class SelectionPolicy
{
    public abstract PolicyType Type { get; }

    /// <summary>How many of the selected PEs count as used when the registrar option is 0 (docs/protocol-notes.md §13).</summary>
    public abstract int DefaultMaxIncrement { get; }

    /// <summary>Creates the per-pool selection structure for a new pool of this policy.</summary>
    internal abstract PoolSelector CreateSelector(Random random);

    /// <summary>Called when a PE joins a pool of this policy, after it got its sequence number.</summary>
    protected internal virtual void OnAdded(PoolElementEntry entry, PoolElementEntry? first)
    {
    }

    /// <summary>Called after a re-registration changed the PE's values (degradation is already reset).</summary>
    protected internal virtual void OnUpdated(PoolElementEntry entry)
    {
    }

    /// <summary>Called for each selected PE that counts as used (the first MaxIncrement of a selection).</summary>
    protected internal virtual void OnUsed(PoolElementEntry entry)
    {
    }

    /// <summary>Adds the PE's Load Degradation to its accumulated degradation, capped at 0xFFFFFFFF (docs/protocol-notes.md §13).</summary>
    protected static void Degrade(PoolElementEntry entry, uint loadDegradation)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Degradation = Math.Min(entry.Degradation + loadDegradation, PolicyMath.MaxValue);
    }

    public override string ToString() => $"{GetType().Name} (0x{(uint)Type:x8})";
}
