using System.Text.Json;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Status;

/// <summary>
/// The cluster part of a registrar's status (docs/cluster.md "Cluster members on the status page"): members, roles and
/// reachability as Akka.Cluster sees them, in /status JSON, `rserpool monitor` text and /metrics. Two real cluster nodes
/// on loopback; one stops without leaving and the other's failure detector marks it unreachable.
/// </summary>
public sealed class ClusterStatusTests : Akka.TestKit.Xunit2.TestKit
{
    // Fast failure detection and no downing: an abruptly stopped node stays a member marked unreachable.
    private static readonly Akka.Configuration.Config Node = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster.roles = ["registrar"]
        akka.cluster.downing-provider-class = ""
        akka.cluster.failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s }
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.loglevel = WARNING
        """);

    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(20);

    public ClusterStatusTests()
        : base(Node, "rserpool")
    {
    }

    [Fact]
    public void A_node_outside_cluster_mode_has_no_cluster_status()
    {
        using var standalone = ActorSystem.Create("standalone", "akka.loglevel = WARNING");

        Assert.Null(ClusterStatusReader.Read(standalone));
    }

    [Fact]
    public async Task The_status_lists_each_member_with_its_roles_and_an_unreachable_one_as_such()
    {
        var cluster = Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        var other = ActorSystem.Create("rserpool", ConfigurationFactory.ParseString("akka.cluster.roles = [\"rserpool-client\"]").WithFallback(Node));
        try
        {
            Cluster.Get(other).Join(cluster.SelfAddress);
            string otherAddress = Cluster.Get(other).SelfAddress.ToString();
            await AwaitAssertAsync(() =>
            {
                var status = Assert.IsType<ClusterStatus>(ClusterStatusReader.Read(Sys));
                Assert.Equal(2, status.Members.Count(m => m.Status == "Up" && m.Reachable));
            }, ClusterTimeout);

            var up = ClusterStatusReader.Read(Sys)!;
            Assert.Equal(cluster.SelfAddress.ToString(), up.Self);
            Assert.NotNull(up.Leader);
            var self = Assert.Single(up.Members, m => m.Self);
            Assert.Equal(up.Self, self.Address);
            Assert.Contains("registrar", self.Roles);
            Assert.Contains("rserpool-client", Assert.Single(up.Members, m => m.Address == otherAddress).Roles);

            await other.Terminate();   // no leave: only the failure detector tells
            await AwaitAssertAsync(() =>
            {
                var member = Assert.Single(ClusterStatusReader.Read(Sys)!.Members, m => m.Address == otherAddress);
                Assert.False(member.Reachable);
            }, ClusterTimeout);
            Assert.True(Assert.Single(ClusterStatusReader.Read(Sys)!.Members, m => m.Self).Reachable);
        }
        finally
        {
            await other.Terminate();
        }
    }

    [Fact]
    public async Task Text_metrics_and_json_show_the_members()
    {
        var status = new RegistrarStatus("0x0000000a", "127.0.0.1:3863", null, null, [], EnrpStartup: false, [], [])
        {
            Cluster = new ClusterStatus("akka.tcp://rserpool@10.0.0.1:4053", "akka.tcp://rserpool@10.0.0.1:4053",
            [
                new ClusterMemberStatus("akka.tcp://rserpool@10.0.0.1:4053", "Up", ["registrar"], Reachable: true, Self: true),
                new ClusterMemberStatus("akka.tcp://rserpool@10.0.0.2:4053", "Up", ["registrar"], Reachable: false, Self: false),
                new ClusterMemberStatus("akka.tcp://rserpool@10.0.0.3:4053", "Joining", ["rserpool-client"], Reachable: true, Self: false),
            ]),
        };

        string text = StatusText.Render(status);
        Assert.Contains("cluster: 3 members, leader akka.tcp://rserpool@10.0.0.1:4053", text, StringComparison.Ordinal);
        Assert.Contains("  akka.tcp://rserpool@10.0.0.1:4053  Up  registrar  reachable  (this node)", text, StringComparison.Ordinal);
        Assert.Contains("  akka.tcp://rserpool@10.0.0.2:4053  Up  registrar  UNREACHABLE", text, StringComparison.Ordinal);
        Assert.Contains("  akka.tcp://rserpool@10.0.0.3:4053  Joining  rserpool-client  reachable", text, StringComparison.Ordinal);

        string metrics = await MetricsText.RenderAsync(status);
        Assert.Contains("rserpool_cluster_members{status=\"Up\"} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_cluster_members{status=\"Joining\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_cluster_members_unreachable 1\n", metrics, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(status, StatusServer.Json));
        var members = json.RootElement.GetProperty("cluster").GetProperty("members");
        Assert.Equal(3, members.GetArrayLength());
        Assert.False(members[1].GetProperty("reachable").GetBoolean());
        Assert.Equal("registrar", members[1].GetProperty("roles")[0].GetString());
        // A round trip, as `rserpool monitor` reads it.
        var read = JsonSerializer.Deserialize<RegistrarStatus>(JsonSerializer.Serialize(status, StatusServer.Json), StatusServer.Json)!;
        Assert.Equal(status.Cluster.Members, read.Cluster!.Members, (a, b) => a.Address == b.Address && a.Reachable == b.Reachable && a.Roles.SequenceEqual(b.Roles));
    }

    [Fact]
    public async Task A_standalone_registrars_status_has_no_cluster_and_its_text_no_cluster_line()
    {
        var status = new RegistrarStatus("0x0000000a", "127.0.0.1:3863", null, null, [], EnrpStartup: false, [], []);

        Assert.DoesNotContain("cluster", StatusText.Render(status), StringComparison.Ordinal);
        // No cluster series (prometheus-net still declares the families with HELP and TYPE).
        Assert.DoesNotContain((await MetricsText.RenderAsync(status)).Split('\n'), line => line.StartsWith("rserpool_cluster", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(status, StatusServer.Json));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cluster").ValueKind);
    }
}
