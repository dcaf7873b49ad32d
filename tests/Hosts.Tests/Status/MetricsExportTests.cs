using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Metrics;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Hosts.Tests.Status;

/// <summary>/metrics as prometheus-net writes it from the "RSerPool" Meter: names, types, labels, bounded pool labels.</summary>
public sealed class MetricsExportTests
{
    private static readonly RegistrarStatus Status = new(
        "0x0000000a", "127.0.0.1:3863", null, "0.0.0.0:9901", ["tcp"], EnrpStartup: true,
        [new PeerStatus("0x0000000b", "10.0.0.2:9901", "InService", Silent: false), new PeerStatus("0x0000000c", null, "Presence", Silent: true)],
        [
            new PoolStatus("EchoPool",
            [
                new PoolElementStatus("0x00000101", "0x0000000a", Home: true, new TransportStatus("tcp", ["10.0.0.1"], 7000, "data"), "RoundRobin", 90000, 0),
                new PoolElementStatus("0x00000102", "0x0000000b", Home: false, new TransportStatus("tcp", ["10.0.0.2"], 7001, "data"), "RoundRobin", 90000, 0),
            ]),
        ])
    {
        Refusals = new Dictionary<string, long> { ["pe-identifier-taken"] = 3 },
        Connections = new Dictionary<string, long> { ["RefusedMaxPerHost"] = 30 },
    };

    [Fact]
    public async Task The_registrar_gauges_and_refusal_counters_keep_their_names_and_types()
    {
        string metrics = await MetricsText.RenderAsync(Status);

        Assert.Contains("# TYPE rserpool_pools gauge\nrserpool_pools 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements{owner=\"home\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements{owner=\"peers\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_peers 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_peers_silent 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_startup 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE rserpool_refusals_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_refusals_total{cause=\"pe-identifier-taken\"} 3\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE rserpool_asap_connection_events_total counter\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_asap_connection_events_total{cause=\"RefusedMaxPerHost\"} 30\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"rserpool_build_info{{version=\"{BuildInfo.Version}\"}} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pools_beyond_the_largest_ten_are_summed_under_one_label()
    {
        var pools = Enumerable.Range(1, RegistrarInstruments.TopPools + 3)
            .Select(size => new PoolStatus($"pool-{size:d2}", [.. Enumerable.Range(0, size).Select(i =>
                new PoolElementStatus($"0x{i:x8}", "0x0000000a", Home: true, new TransportStatus("tcp", ["10.0.0.1"], 7000 + i, "data"), "RoundRobin", 90000, 0))]))
            .ToList();

        string metrics = await MetricsText.RenderAsync(Status with { Pools = pools });

        Assert.Contains("rserpool_pool_elements_per_pool{pool=\"pool-13\"} 13\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements_per_pool{pool=\"pool-04\"} 4\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("pool=\"pool-03\"", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements_per_pool{pool=\"(other)\"} 6\n", metrics, StringComparison.Ordinal);   // 1 + 2 + 3
        Assert.Equal(RegistrarInstruments.TopPools + 1, metrics.Split('\n').Count(line => line.StartsWith("rserpool_pool_elements_per_pool{", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_pool_gone_leaves_no_stale_series()
    {
        using var instruments = new RegistrarInstruments();
        using var exporter = new MeterExporter(RegistrarInstruments.LabelNames, instruments.Meter);

        instruments.Update(Status);
        Assert.Contains("pool=\"EchoPool\"", await MetricsText.ExportAsync(exporter), StringComparison.Ordinal);
        instruments.Update(Status with { Pools = [] });
        Assert.DoesNotContain("pool=\"EchoPool\"", await MetricsText.ExportAsync(exporter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counters_end_in_total_and_service_times_are_histograms_in_seconds()
    {
        using var exporter = new MeterExporter(new Dictionary<string, string[]>());
        string before = await MetricsText.ExportAsync(exporter);
        RSerPoolMetrics.Removed(RemovalReason.KeepAliveTimeout);
        RSerPoolMetrics.EnrpSent(EnrpMessageType.HandleUpdate);
        RSerPoolMetrics.HandleResolved(RSerPoolMetrics.StartTiming(registration: false));

        string metrics = await MetricsText.ExportAsync(exporter);

        Assert.Contains("# TYPE rserpool_pool_elements_removed_total counter\n", metrics, StringComparison.Ordinal);
        Assert.True(Value(metrics, "rserpool_pool_elements_removed_total{reason=\"keep_alive_timeout\"}") >= 1 + Value(before, "rserpool_pool_elements_removed_total{reason=\"keep_alive_timeout\"}"));
        Assert.True(Value(metrics, "rserpool_enrp_messages_total{direction=\"sent\",type=\"HandleUpdate\"}") >= 1);
        Assert.True(Value(metrics, "rserpool_handle_resolutions_total") >= 1);
        Assert.Contains("# TYPE rserpool_handle_resolution_duration_seconds histogram\n", metrics, StringComparison.Ordinal);
        Assert.True(Value(metrics, "rserpool_handle_resolution_duration_seconds_count") >= 1);
        // The Meter's advised buckets (5 µs to 1 s) and +Inf.
        Assert.Equal(RSerPoolMetrics.ServiceTimeBuckets.Count + 1,
            metrics.Split('\n').Count(line => line.StartsWith("rserpool_handle_resolution_duration_seconds_bucket{le=", StringComparison.Ordinal)));
    }

    // The value of one series (0 when absent).
    private static double Value(string metrics, string series) =>
        metrics.Split('\n').Where(line => line.StartsWith(series + " ", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
}
