namespace RSerPool.Hosts.Status;

/// <summary>
/// What `rserpool server --status` serves at /status: the PE's pool, identifier, registration state and home
/// registrar, the user transport PUs connect to, and the PU sessions it has open and has accepted.
/// </summary>
public sealed record NodeStatus(string Role, string Pool, string PoolElement, string Registration, string? HomeRegistrar, TransportStatus UserTransport,
    long SessionsOpen, long SessionsAccepted)
{
    /// <summary>Why the registration is not (yet) in place, when the registrar said (a rejection's cause); null otherwise.</summary>
    public string? Reason { get; init; }
}
