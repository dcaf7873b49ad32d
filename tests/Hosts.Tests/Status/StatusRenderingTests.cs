using RSerPool.Hosts.Status;
using Xunit;

namespace RSerPool.Hosts.Tests.Status;

/// <summary>How `rserpool monitor` prints a status and how /metrics counts it.</summary>
public sealed class StatusRenderingTests
{
    private static readonly RegistrarStatus Status = new(
        "0x0000000a", "127.0.0.1:3863", "127.0.0.1:3863", "0.0.0.0:9901", ["tcp", "sctp"], EnrpStartup: true,
        [new PeerStatus("0x0000000b", "10.0.0.2:9901", "InService", Silent: false), new PeerStatus("0x0000000c", null, "Presence", Silent: true)],
        [
            new PoolStatus("EchoPool",
            [
                new PoolElementStatus("0x00000101", "0x0000000a", Home: true, "SCTP 10.0.0.1 port 7000", "RoundRobin", 90000, 0),
                new PoolElementStatus("0x00000102", "0x0000000b", Home: false, "TCP 10.0.0.2 port 7001", "WeightedRoundRobin:5", 90000, 2),
            ]),
        ]);

    [Fact]
    public void The_text_names_endpoints_peers_owners_and_reports()
    {
        string text = StatusText.Render(Status);

        Assert.Contains("registrar 0x0000000a  ASAP TCP 127.0.0.1:3863, SCTP 127.0.0.1:3863  ENRP tcp+sctp 0.0.0.0:9901 (startup)", text, StringComparison.Ordinal);
        Assert.Contains("ENRP peers: 2", text, StringComparison.Ordinal);
        Assert.Contains("  0x0000000c  -  Presence  silent", text, StringComparison.Ordinal);
        Assert.Contains("pool EchoPool: 2 PEs", text, StringComparison.Ordinal);
        Assert.Contains("PE 0x00000101  home  SCTP 10.0.0.1 port 7000  RoundRobin  life 90000 ms", text, StringComparison.Ordinal);
        Assert.Contains("PE 0x00000102  owner 0x0000000b  TCP 10.0.0.2 port 7001  WeightedRoundRobin:5  life 90000 ms  unreachable reports 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metrics_count_home_pes_copies_and_silent_peers()
    {
        string metrics = StatusMetrics.Render(Status);

        Assert.Contains("rserpool_pools 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements{owner=\"home\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements{owner=\"peers\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_peers 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_peers_silent 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_startup 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusals_are_counters_by_cause_in_the_metrics_and_a_line_in_the_text()
    {
        var status = Status with { Refusals = new Dictionary<string, long> { ["pe-identifier-taken"] = 3, ["handle-resolution-rate"] = 12 } };

        string metrics = StatusMetrics.Render(status);
        string text = StatusText.Render(status);

        Assert.Contains("# TYPE rserpool_refusals_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_refusals_total{cause=\"pe-identifier-taken\"} 3\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_refusals_total{cause=\"handle-resolution-rate\"} 12\n", metrics, StringComparison.Ordinal);
        Assert.Contains("refusals: pe-identifier-taken 3, handle-resolution-rate 12", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refusals", StatusText.Render(Status), StringComparison.Ordinal);
    }

    [Fact]
    public void The_metrics_count_connection_refusals_and_closes_by_cause()
    {
        string metrics = StatusMetrics.Render(Status with { Connections = new Dictionary<string, long> { ["RefusedMaxPerHost"] = 30, ["ClosedPartialFrame"] = 2 } });

        Assert.Contains("# TYPE rserpool_asap_connection_events_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_asap_connection_events_total{cause=\"RefusedMaxPerHost\"} 30\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_asap_connection_events_total{cause=\"ClosedPartialFrame\"} 2\n", metrics, StringComparison.Ordinal);
    }
}
