namespace RSerPool.Actors.Handlespace;

/// <summary>Why a PE left the handlespace (logged; ENRP will send DEL_PE for each, RFC 5353 §3.3).</summary>
public enum RemovalReason
{
    /// <summary>The PE deregistered (RFC 5352 §3.2).</summary>
    Deregistered,

    /// <summary>No Endpoint Keep Alive Ack within the timeout (docs/protocol-notes.md §9).</summary>
    KeepAliveTimeout,

    /// <summary>The ASAP association the PE registered over ended (docs/protocol-notes.md §9).</summary>
    AssociationLost,

    /// <summary>No re-registration within the Registration Life (RFC 5352 §3.1).</summary>
    RegistrationLifeExpired,

    /// <summary>MAX-BAD-PE-REPORT Endpoint Unreachable reports (RFC 5352 §3.5).</summary>
    Unreachable,

    /// <summary>A copy of a peer's PE went: its home's DEL_PE, an audit, or its Registration Life (RFC 5353 §3.3, §3.6.3, docs/protocol-notes.md §11).</summary>
    ReplicaRemoved,
}
