using RSerPool.Wire;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// The registrar's handlespace at one moment: every PE (ordered by pool handle bytes, then PE identifier), and the
/// registrar's per-owner PE checksum accumulators (RFC 5353 §3.6.2), kept incrementally from the pools' events, and the
/// number of pool actors (an emptied pool's actor stops once nothing routed to it is pending).
/// </summary>
public sealed record HandlespaceSnapshot(
    IReadOnlyList<PoolElementSnapshot> Elements,
    IReadOnlyDictionary<uint, PeChecksum> OwnerChecksums,
    int PoolCount) : IRSerPoolMessage
{
    /// <summary>Requests refused or ignored so far, by <see cref="RefusalCause"/> (and the registrar's other causes).</summary>
    public IReadOnlyDictionary<string, long> Refusals { get; init; } = new Dictionary<string, long>();
}
