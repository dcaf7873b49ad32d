namespace RSerPool.Actors.Handlespace;

/// <summary>Why a PE left the handlespace (logged; ENRP will send DEL_PE for each, enrp.md §4.3).</summary>
public enum RemovalReason
{
    /// <summary>The PE deregistered (asap.md §4.4).</summary>
    Deregistered,

    /// <summary>No Endpoint Keep Alive Ack within the timeout (asap.md §4.6 step 5).</summary>
    KeepAliveTimeout,

    /// <summary>The ASAP association the PE registered over ended (asap.md §4.4 step 4).</summary>
    AssociationLost,

    /// <summary>No re-registration within the Registration Life (asap.md §4.3).</summary>
    RegistrationLifeExpired,

    /// <summary>MAX-BAD-PE-REPORT Endpoint Unreachable reports (asap.md §4.11).</summary>
    Unreachable,

    /// <summary>A copy of a peer's PE went: its home's DEL_PE, an audit, or its Registration Life (enrp.md §4.3, §4.4, §4.6).</summary>
    ReplicaRemoved,
}
