// Resumption point of a paged Handle Table Response (RFC 5353 §2.3, docs/protocol-notes.md §10): the last (pool handle, PE ID) sent.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

/// <summary>A position in (pool handle bytes, PE identifier) order. <see cref="Start"/> is before everything.</summary>
public readonly record struct HandlespaceCursor(PoolHandle PoolHandle, uint Identifier, bool IsStart)
{
    public static HandlespaceCursor Start => new(default, 0, true);

    /// <summary>The position just after <paramref name="entry"/>.</summary>
    public static HandlespaceCursor After(PoolElementEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.PoolHandle, entry.Identifier, false);
    }
}
