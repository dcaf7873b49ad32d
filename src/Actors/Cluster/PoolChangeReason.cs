namespace RSerPool.Actors.Cluster;

/// <summary>Why a PE was added, updated or removed (the home registrar's reason, RFC 5352 §3; docs/cluster.md "Membership watch").</summary>
public enum PoolChangeReason
{
    /// <summary>The PE registered at its home registrar (RFC 5352 §3.1), or confirmed its home there after a takeover.</summary>
    Registered,

    /// <summary>The PE re-registered with another policy, load or transport (RFC 5352 §3.1).</summary>
    ReRegistered,

    /// <summary>A registrar took over the PE from its dead home (RFC 5353 §3.5) and is its home now.</summary>
    TakenOver,

    /// <summary>The PE deregistered (RFC 5352 §3.2).</summary>
    Deregistered,

    /// <summary>The PE did not answer the home's Endpoint Keep Alive in time (RFC 5352 §3.4, docs/protocol-notes.md §9).</summary>
    KeepAliveTimeout,

    /// <summary>The ASAP association the PE registered over closed (docs/protocol-notes.md §9).</summary>
    AssociationClosed,

    /// <summary>The PE did not re-register within its Registration Life (RFC 5352 §3.1).</summary>
    RegistrationLifeExpired,

    /// <summary>Pool users reported the PE unreachable MAX-BAD-PE-REPORT times (RFC 5352 §3.5).</summary>
    ReportedUnreachable,

    /// <summary>The subscriber missed events and re-read the home registrar's members: this is the difference.</summary>
    Resynchronized,

    /// <summary>The PE's home registrar left the cluster and no registrar took the PE over within the grace time.</summary>
    HomeRegistrarLost,
}
