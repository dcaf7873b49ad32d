// Observability of the ENRP peer list, startup phase and takeovers (RFC 5353 §3.2, §3.4, §3.5).
using System.Net;

namespace RSerPool.Actors.Enrp;

/// <summary>The ENRP view of one registrar at one moment.</summary>
/// <param name="ServerId">This registrar's Server Identifier.</param>
/// <param name="EndPoint">The bound ENRP endpoint (null before binding).</param>
/// <param name="InStartup">Still in the startup phase (mentor discovery or download, RFC 5353 §3.2).</param>
/// <param name="MentorId">The mentor chosen at startup (0 = none).</param>
/// <param name="Peers">The peer list, ordered by server id.</param>
/// <param name="TakeoversRunning">Targets of takeovers this registrar has initiated and not finished.</param>
/// <param name="TakenOver">Targets whose PEs this registrar took over, in order.</param>
public sealed record EnrpStatus(
    uint ServerId,
    IPEndPoint? EndPoint,
    bool InStartup,
    uint MentorId,
    IReadOnlyList<EnrpPeerStatus> Peers,
    IReadOnlyList<uint> TakeoversRunning,
    IReadOnlyList<uint> TakenOver) : IRSerPoolMessage
{
    /// <summary>Transports ENRP is served over ("tcp", "sctp"), the configured one first; empty before binding.</summary>
    public IReadOnlyList<string> ServedTransports { get; init; } = [];

    /// <summary>Configured peers (static or the cluster's) that cannot be connected to and are not in <see cref="Peers"/>.</summary>
    public IReadOnlyList<EnrpUnreachablePeer> UnreachablePeers { get; init; } = [];
}
