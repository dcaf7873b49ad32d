// Failover callback argument (services draft §3.3, rsp_forcefailover / failover notification of the sockets API draft).
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Session;

/// <summary>The session moved from PE <paramref name="OldIdentifier"/> to <paramref name="NewElement"/>.</summary>
/// <param name="OldIdentifier">The PE identifier the session used before.</param>
/// <param name="NewElement">The PE now connected (its identifier and user transport).</param>
/// <param name="Reason">Why the old PE was left.</param>
public sealed record PoolSessionFailover(uint OldIdentifier, PoolElement NewElement, string Reason) : IRSerPoolMessage
{
    /// <summary>The new PE's identifier.</summary>
    public uint NewIdentifier => NewElement.Identifier;
}
