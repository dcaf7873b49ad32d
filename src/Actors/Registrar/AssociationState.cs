namespace RSerPool.Actors.Registrar;

/// <summary>
/// The registrar's books on one ASAP association: the PEs registered over it (confirmed by the pools, plus
/// registrations in flight that reserved a slot) for the per-association limit, and its rate limiters.
/// </summary>
internal sealed class AssociationState(AsapPeer peer, TokenBucket handleResolutions, TokenBucket unreachableReports)
{
    public AsapPeer Peer { get; } = peer;

    public HashSet<PeKey> Registered { get; } = [];

    public HashSet<PeKey> Pending { get; } = [];

    public int ElementCount => Registered.Count + Pending.Count;

    public TokenBucket HandleResolutions { get; } = handleResolutions;

    public TokenBucket UnreachableReports { get; } = unreachableReports;

    /// <summary>Kernel timestamp until which the association is told not to be read (over a rate limit); 0 when never.</summary>
    public long ThrottledUntil { get; set; }
}
