namespace RSerPool.Actors.PoolElements;

/// <summary>Where a PE stands with the registrars (RFC 5352 §3.1-§3.2).</summary>
public enum PoolElementStatus
{
    /// <summary>The first registration is under way.</summary>
    Registering,

    /// <summary>A registrar accepted the (re-)registration; it is the PE's home.</summary>
    Registered,

    /// <summary>The home registrar was lost; the PE re-registers with the next one found.</summary>
    Moving,

    /// <summary>The registrar rejected the registration (cause in the reason); the PE retries with backoff.</summary>
    Rejected,

    /// <summary>Deregistered on a clean stop; the actor stops.</summary>
    Deregistered,
}
