// /metrics of the status endpoint: the registrar's gauges and refusal counters in the Prometheus text format (version 0.0.4).
using System.Globalization;
using System.Text;

namespace RSerPool.Hosts.Status;

/// <summary>Renders a <see cref="RegistrarStatus"/> as Prometheus gauges.</summary>
public static class StatusMetrics
{
    public const string ContentType = "text/plain; version=0.0.4";

    public static string Render(RegistrarStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        int home = status.Pools.Sum(pool => pool.Elements.Count(pe => pe.Home));
        int copies = status.Pools.Sum(pool => pool.Elements.Count(pe => !pe.Home));
        var text = new StringBuilder();
        Gauge(text, "rserpool_pools", "Pools in the handlespace", status.Pools.Count);
        text.Append("# HELP rserpool_pool_elements PEs in the handlespace, by owner\n# TYPE rserpool_pool_elements gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"rserpool_pool_elements{{owner=\"home\"}} {home}\n");
        text.Append(CultureInfo.InvariantCulture, $"rserpool_pool_elements{{owner=\"peers\"}} {copies}\n");
        Gauge(text, "rserpool_enrp_peers", "ENRP peers known", status.Peers.Count(peer => !peer.IsUnreachable));
        Gauge(text, "rserpool_enrp_peers_unreachable", "Configured ENRP peers that cannot be connected to", status.Peers.Count(peer => peer.IsUnreachable));
        Gauge(text, "rserpool_enrp_peers_silent", "ENRP peers not heard within max-time-last-heard", status.Peers.Count(peer => peer.Silent));
        Gauge(text, "rserpool_enrp_startup", "1 while the ENRP startup phase lasts", status.EnrpStartup ? 1 : 0);
        if (status.Cluster is { } cluster)
        {
            text.Append("# HELP rserpool_cluster_members Akka cluster members, by membership status\n# TYPE rserpool_cluster_members gauge\n");
            foreach (var group in cluster.Members.GroupBy(member => member.Status).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"rserpool_cluster_members{{status=\"{group.Key}\"}} {group.Count()}\n");
            }

            Gauge(text, "rserpool_cluster_members_unreachable", "Akka cluster members this node's failure detector marks unreachable", cluster.Members.Count(member => !member.Reachable));
        }

        text.Append("# HELP rserpool_refusals_total Requests refused or ignored, by cause\n# TYPE rserpool_refusals_total counter\n");
        foreach ((string cause, long count) in status.Refusals)
        {
            text.Append(CultureInfo.InvariantCulture, $"rserpool_refusals_total{{cause=\"{cause}\"}} {count}\n");
        }

        text.Append("# HELP rserpool_asap_connection_events_total ASAP connections refused or closed by the registrar, and reading paused (backpressure), by cause\n")
            .Append("# TYPE rserpool_asap_connection_events_total counter\n");
        foreach (var (cause, count) in status.Connections)
        {
            text.Append(CultureInfo.InvariantCulture, $"rserpool_asap_connection_events_total{{cause=\"{cause}\"}} {count}\n");
        }
        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, int value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
}
