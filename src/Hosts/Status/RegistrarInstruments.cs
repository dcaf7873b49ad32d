// The registrar's state as gauges on the "RSerPool" Meter, observed from its latest status (RegistrarStatusReader) when
// /metrics is scraped; docs/metrics.md lists them.
using System.Diagnostics.Metrics;
using RSerPool.Actors.Metrics;

namespace RSerPool.Hosts.Status;

/// <summary>Observable gauges and counters of one registrar's <see cref="RegistrarStatus"/>: pools, PEs, peers, refusals, build.</summary>
public sealed class RegistrarInstruments : IDisposable
{
    /// <summary>Pools shown one by one in <c>rserpool_pool_elements_per_pool</c>; the PEs of the rest are summed under <see cref="OtherPools"/>.</summary>
    public const int TopPools = 10;

    /// <summary>The pool label of the PEs of every pool beyond the <see cref="TopPools"/> largest.</summary>
    public const string OtherPools = "(other)";

    /// <summary>The tag keys each labelled instrument here records (for <see cref="MeterExporter"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> LabelNames { get; } = new Dictionary<string, string[]>
    {
        ["rserpool.pool_elements"] = ["owner"],
        ["rserpool.pool_elements_per_pool"] = ["pool"],
        ["rserpool.cluster_members"] = ["status"],
        ["rserpool.refusals"] = ["cause"],
        ["rserpool.asap_connection_events"] = ["cause"],
        ["rserpool.build_info"] = ["version"],
    };

    private RegistrarStatus? _status;

    /// <summary>This registrar's Meter (named like <see cref="RSerPoolMetrics.Meter"/>, one instance per status endpoint).</summary>
    public Meter Meter { get; } = new(RSerPoolMetrics.MeterName);

    public RegistrarInstruments()
    {
        BuildInfo.AddTo(Meter);
        Meter.CreateObservableGauge("rserpool.pools", () => Observe<int>(status => [new Measurement<int>(status.Pools.Count)]), description: "Pools in the handlespace");
        Meter.CreateObservableGauge("rserpool.pool_elements", () => Observe<int>(status =>
        [
            new Measurement<int>(status.Pools.Sum(pool => pool.Elements.Count(pe => pe.Home)), Tag("owner", "home")),
            new Measurement<int>(status.Pools.Sum(pool => pool.Elements.Count(pe => !pe.Home)), Tag("owner", "peers")),
        ]), description: "PEs in the handlespace, by owner");
        Meter.CreateObservableGauge("rserpool.pool_elements_per_pool", () => Observe(PerPool),
            description: $"PEs of each of the {TopPools} largest pools; the rest summed as pool=\"{OtherPools}\"");
        Meter.CreateObservableGauge("rserpool.enrp_peers", () => Observe<int>(status => [new Measurement<int>(status.Peers.Count(peer => !peer.IsUnreachable))]),
            description: "ENRP peers known");
        Meter.CreateObservableGauge("rserpool.enrp_peers_unreachable", () => Observe<int>(status => [new Measurement<int>(status.Peers.Count(peer => peer.IsUnreachable))]),
            description: "Configured ENRP peers that cannot be connected to");
        Meter.CreateObservableGauge("rserpool.enrp_peers_silent", () => Observe<int>(status => [new Measurement<int>(status.Peers.Count(peer => peer.Silent))]),
            description: "ENRP peers not heard within max-time-last-heard");
        Meter.CreateObservableGauge("rserpool.enrp_startup", () => Observe<int>(status => [new Measurement<int>(status.EnrpStartup ? 1 : 0)]),
            description: "1 while the ENRP startup phase lasts");
        Meter.CreateObservableGauge("rserpool.cluster_members", () => Observe<int>(status => status.Cluster is { } cluster
            ? [.. cluster.Members.GroupBy(member => member.Status).Select(group => new Measurement<int>(group.Count(), Tag("status", group.Key)))]
            : []), description: "Akka cluster members, by membership status");
        Meter.CreateObservableGauge("rserpool.cluster_members_unreachable", () => Observe<int>(status => status.Cluster is { } cluster
            ? [new Measurement<int>(cluster.Members.Count(member => !member.Reachable))]
            : []), description: "Akka cluster members this node's failure detector marks unreachable");
        Meter.CreateObservableCounter("rserpool.refusals", () => Observe<long>(status =>
            [.. status.Refusals.Select(refusal => new Measurement<long>(refusal.Value, Tag("cause", refusal.Key)))]),
            description: "Requests refused or ignored, by cause");
        Meter.CreateObservableCounter("rserpool.asap_connection_events", () => Observe<long>(status =>
            [.. status.Connections.Select(connection => new Measurement<long>(connection.Value, Tag("cause", connection.Key)))]),
            description: "ASAP connections refused or closed by the registrar, and reading paused (backpressure), by cause");
    }

    /// <summary>The status the next observation reports.</summary>
    public void Update(RegistrarStatus status) => Volatile.Write(ref _status, status);

    public void Dispose() => Meter.Dispose();

    private static IEnumerable<Measurement<int>> PerPool(RegistrarStatus status)
    {
        var bySize = status.Pools.OrderByDescending(pool => pool.Elements.Count).ThenBy(pool => pool.Handle, StringComparer.Ordinal).ToList();
        var measurements = bySize.Take(TopPools).Select(pool => new Measurement<int>(pool.Elements.Count, Tag("pool", pool.Handle))).ToList();
        if (bySize.Count > TopPools)
        {
            measurements.Add(new Measurement<int>(bySize.Skip(TopPools).Sum(pool => pool.Elements.Count), Tag("pool", OtherPools)));
        }

        return measurements;
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);

    private IEnumerable<Measurement<T>> Observe<T>(Func<RegistrarStatus, IEnumerable<Measurement<T>>> measure)
        where T : struct => Volatile.Read(ref _status) is { } status ? measure(status) : [];
}
