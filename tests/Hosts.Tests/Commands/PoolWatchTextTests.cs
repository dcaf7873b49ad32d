using System.Net;
using System.Text.Json;
using Akka.Actor;
using RSerPool.Actors.Cluster;
using RSerPool.Hosts.Commands;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>What <c>rserpool monitor --watch-pool</c> prints for the members and each change (text and JSON lines).</summary>
public sealed class PoolWatchTextTests
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private static readonly PoolElement Element = new(0x0000_0002, 0x0b0b_0002, 90_000,
        new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback, IPAddress.IPv6Loopback]), PoolMemberSelectionPolicy.LeastUsed(7));

    [Fact]
    public void The_members_are_a_heading_and_one_line_per_pe()
    {
        string text = PoolWatchText.Render(new PoolMembers(Pool, [Element]), json: false);

        Assert.Equal(["pool EchoPool: 1 PE(s)", "  PE 0x00000002 home 0x0b0b0002 TCP 127.0.0.1,::1 port 7001  LeastUsed:7"], text.Split(Environment.NewLine));
    }

    [Fact]
    public void A_change_is_one_line_with_its_sign_kind_and_reason_or_one_json_object()
    {
        var changed = new PoolChanged(Pool, PoolChangeKind.Removed, PoolChangeReason.KeepAliveTimeout, Element, ActorRefs.Nobody, 5, 4);

        Assert.StartsWith("- removed (KeepAliveTimeout): PE 0x00000002 home 0x0b0b0002 ", PoolWatchText.Render(changed, json: false), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(PoolWatchText.Render(changed with { Kind = PoolChangeKind.Added, Reason = PoolChangeReason.Registered }, json: true));
        Assert.Equal("added", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("Registered", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal("0x00000002", json.RootElement.GetProperty("element").GetProperty("id").GetString());
        Assert.Equal(7u, json.RootElement.GetProperty("element").GetProperty("load").GetUInt32());
    }
}
