// One PE in the handlespace (RFC 5352 §3.1; ownership and copies: docs/protocol-notes.md §11).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

/// <summary>
/// A PE entry. Read-only to callers; <see cref="PoolHandlespace"/> changes it. After removal the entry stays readable
/// (<see cref="IsRegistered"/> becomes false), so callers can still build the DEL_PE Handle Update from it.
/// </summary>
public sealed class PoolElementEntry
{
    // Intrusive links: selection order (sorted policies), identifier order (paging), owner, association lists.
    internal SelectionNode Selection;
    internal TreapLinks IdentifierLinks;
    internal PoolElementEntry? OwnerPrevious;
    internal PoolElementEntry? OwnerNext;
    internal PoolElementEntry? AssociationPrevious;
    internal PoolElementEntry? AssociationNext;

    internal PoolElementEntry(Pool pool, uint identifier)
    {
        Pool = pool;
        Identifier = identifier;
    }

    /// <summary>The pool this PE belongs (or belonged) to.</summary>
    public Pool Pool { get; }

    public PoolHandle PoolHandle => Pool.Handle;

    /// <summary>PE Identifier (non-zero).</summary>
    public uint Identifier { get; }

    /// <summary>Server ID of the home registrar that owns this PE (docs/protocol-notes.md §11).</summary>
    public uint OwnerId { get; internal set; }

    public int RegistrationLifeMs { get; internal set; }

    public TransportParameter UserTransport { get; internal set; } = null!;

    /// <summary>The PE's policy with its current values (load, weight, ...).</summary>
    public PoolMemberSelectionPolicy Policy { get; internal set; } = null!;

    /// <summary>The PE's ASAP endpoint, known for copies learned by ENRP and needed for takeover.</summary>
    public TransportParameter? AsapTransport { get; internal set; }

    /// <summary>The ASAP association the PE registered over (opaque id from the registrar); 0 for ENRP copies.</summary>
    public long AssociationId { get; internal set; }

    /// <summary>When the entry expires (copies), or <see cref="PoolHandlespace.NoExpiry"/>.</summary>
    public long ExpiresAt { get; internal set; } = PoolHandlespace.NoExpiry;

    /// <summary>Endpoint Unreachable reports received for this PE (RFC 5352 §3.5).</summary>
    public int UnreachableReports { get; internal set; }

    /// <summary>When each reporter last counted for this PE (ms), while <see cref="HandlespaceSettings.UnreachableReportWindow"/> is set.</summary>
    internal Dictionary<string, long>? UnreachableReporters { get; set; }

    /// <summary>Marked by an audit and not yet confirmed (RFC 5353 §3.6.3).</summary>
    public bool IsMarked { get; internal set; }

    /// <summary>False once the entry has been removed from the handlespace.</summary>
    public bool IsRegistered { get; internal set; }

    /// <summary>Selection order tie-breaker from the pool's increasing counter (docs/protocol-notes.md §13).</summary>
    public ulong Sequence
    {
        get => Selection.Sequence;
        internal set => Selection.Sequence = value;
    }

    /// <summary>Accumulated degradation, reset on re-registration (RFC 5356 §5.2.2).</summary>
    public ulong Degradation { get; internal set; }

    /// <summary>Weighted round robin: the round this PE is in and its selections left in that round.</summary>
    public ulong Round { get; internal set; }

    public uint RemainingInRound { get; internal set; }

    /// <summary>Sorted policies: the policy key; weighted random policies: the selection value v.</summary>
    internal ulong SelectionKey
    {
        get => Selection.Key;
        set => Selection.Key = value;
    }

    /// <summary>Sorted policies: in its key group's treap of re-registered PEs rather than its appended list.</summary>
    internal bool IsPlacedInGroup;

    /// <summary>Slot in a weighted random selector, or -1.</summary>
    internal int Slot = -1;

    /// <summary>Index in the expiry heap, or -1.</summary>
    internal int ExpiryIndex = -1;

    /// <summary>The PE parameter as sent in Handle Resolution Responses and ENRP messages (owner as home ID).</summary>
    public PoolElement ToPoolElement() =>
        new(Identifier, OwnerId, RegistrationLifeMs, UserTransport, Policy, AsapTransport);

    public override string ToString() => $"{Pool.Handle}/0x{Identifier:x8} (owner 0x{OwnerId:x8})";
}
