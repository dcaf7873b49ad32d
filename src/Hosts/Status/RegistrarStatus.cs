// What `rserpool registrar --status` serves as JSON at /status and `rserpool monitor` reads.
namespace RSerPool.Hosts.Status;

/// <summary>One registrar at one moment: endpoints, ENRP view and the whole handlespace it holds.</summary>
public sealed record RegistrarStatus(
    string ServerId,
    string AsapTcp,
    string? AsapSctp,
    string? Enrp,
    IReadOnlyList<string> EnrpTransports,
    bool EnrpStartup,
    IReadOnlyList<PeerStatus> Peers,
    IReadOnlyList<PoolStatus> Pools)
{
    /// <summary>Requests the registrar refused or ignored since it started, by cause (hijacks, bad addresses, rates, ...).</summary>
    public IReadOnlyDictionary<string, long> Refusals { get; init; } = new Dictionary<string, long>();

    /// <summary>ASAP connections refused and closed, and backpressure applied, by cause (src/Actors/Transport/ConnectionEvent.cs).</summary>
    public IReadOnlyDictionary<string, long> Connections { get; init; } = new Dictionary<string, long>();

    /// <summary>The Akka cluster members with their roles and reachability; null when the registrar is not in cluster mode.</summary>
    public ClusterStatus? Cluster { get; init; }
}
