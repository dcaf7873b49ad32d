// Per-pool selection structure of one policy family (docs/protocol-notes.md §13).
namespace RSerPool.Actors.Handlespace.Policies;

/// <summary>Holds a pool's PEs in the form its policy selects from. Single-threaded.</summary>
internal abstract class PoolSelector
{
    private ulong _lastSequence;

    public abstract int Count { get; }

    /// <summary>A fresh number from the pool's increasing counter (docs/protocol-notes.md §13).</summary>
    protected ulong NextSequence() => ++_lastSequence;

    /// <summary>Adds a new PE: it gets the next sequence number, so it enters behind all equal keys (docs/protocol-notes.md §13).</summary>
    public abstract void Add(PoolElementEntry entry);

    public abstract void Remove(PoolElementEntry entry);

    /// <summary>Re-registration: re-evaluates the PE's key or value, keeping its sequence number.</summary>
    public abstract void Update(PoolElementEntry entry);

    /// <summary>
    /// Selects up to <c>destination.Length</c> distinct PEs into <paramref name="destination"/>, applying the policy's
    /// update to the first <paramref name="maxIncrement"/> of them; returns how many were selected.
    /// </summary>
    public abstract int Select(Span<PoolElementEntry> destination, int maxIncrement);
}
