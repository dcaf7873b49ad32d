using System.Net;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Registrar;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Status;

/// <summary>
/// Issue 16 "invisible failures": a configured ENRP peer that cannot be connected to is listed (state unreachable, the
/// reason), not counted among the known peers, and counted by its own gauge.
/// </summary>
public sealed class UnreachablePeerStatusTests
{
    private static readonly RegistrarStatus Status = new(
        "0x0000000a", "127.0.0.1:3863", null, "0.0.0.0:9901", ["tcp"], EnrpStartup: false,
        [
            new PeerStatus("0x0000000b", "10.0.0.2:9901", "InService", Silent: false),
            new PeerStatus("unknown", "10.0.0.9:9901", PeerStatus.UnreachableState, Silent: false) { Reason = "Connection refused", FailedConnects = 7 },
        ],
        []);

    [Fact]
    public void The_monitor_text_lists_the_unreachable_peer_with_its_reason()
    {
        string text = StatusText.Render(Status);

        Assert.Contains("ENRP peers: 1, 1 configured unreachable", text, StringComparison.Ordinal);
        Assert.Contains("  unknown  10.0.0.9:9901  unreachable  Connection refused (7 failed connects)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_count_known_and_unreachable_peers_apart()
    {
        string metrics = await MetricsText.RenderAsync(Status);

        Assert.Contains("rserpool_enrp_peers 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_peers_unreachable 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_document_carries_the_enrp_actors_unreachable_peers()
    {
        var started = new RegistrarStarted(0xa, new IPEndPoint(IPAddress.Loopback, 3863), new IPEndPoint(IPAddress.Any, 9901), ["tcp"]);
        var enrp = new EnrpStatus(0xa, new IPEndPoint(IPAddress.Any, 9901), false, 0, [], [], [])
        {
            UnreachablePeers = [new EnrpUnreachablePeer(new IPEndPoint(IPAddress.Parse("10.0.0.9"), 9901), "Connection refused", 3)],
        };

        var status = RegistrarStatusReader.Render(started, new HandlespaceSnapshot([], new Dictionary<uint, RSerPool.Wire.PeChecksum>(), 0), enrp);

        var peer = Assert.Single(status.Peers);
        Assert.Equal(("unknown", "10.0.0.9:9901", "unreachable", "Connection refused", 3), (peer.ServerId, peer.EndPoint, peer.State, peer.Reason, peer.FailedConnects));
    }
}
