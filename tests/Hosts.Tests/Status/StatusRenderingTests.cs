using System.Net;
using RSerPool.Hosts.Status;
using RSerPool.Wire;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Status;

/// <summary>How `rserpool monitor` prints a status and how /status gives a transport.</summary>
public sealed class StatusRenderingTests
{
    private static readonly RegistrarStatus Status = new(
        "0x0000000a", "127.0.0.1:3863", "127.0.0.1:3863", "0.0.0.0:9901", ["tcp", "sctp"], EnrpStartup: true,
        [new PeerStatus("0x0000000b", "10.0.0.2:9901", "InService", Silent: false), new PeerStatus("0x0000000c", null, "Presence", Silent: true)],
        [
            new PoolStatus("EchoPool",
            [
                new PoolElementStatus("0x00000101", "0x0000000a", Home: true, new TransportStatus("sctp", ["10.0.0.1"], 7000, "data"), "RoundRobin", 90000, 0),
                new PoolElementStatus("0x00000102", "0x0000000b", Home: false, new TransportStatus("tcp", ["10.0.0.2"], 7001, "data"), "WeightedRoundRobin:5", 90000, 2),
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
    public void Refusals_are_a_line_in_the_text()
    {
        var status = Status with { Refusals = new Dictionary<string, long> { ["pe-identifier-taken"] = 3, ["handle-resolution-rate"] = 12 } };

        Assert.Contains("refusals: pe-identifier-taken 3, handle-resolution-rate 12", StatusText.Render(status), StringComparison.Ordinal);
        Assert.DoesNotContain("refusals", StatusText.Render(Status), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transport_is_structured_in_the_json()
    {
        string json = System.Text.Json.JsonSerializer.Serialize(Status, StatusServer.Json);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var transport = document.RootElement.GetProperty("pools")[0].GetProperty("elements")[1].GetProperty("userTransport");
        Assert.Equal("tcp", transport.GetProperty("protocol").GetString());
        Assert.Equal(["10.0.0.2"], transport.GetProperty("addresses").EnumerateArray().Select(address => address.GetString()));
        Assert.Equal(7001, transport.GetProperty("port").GetInt32());
        Assert.Equal("data", transport.GetProperty("use").GetString());
    }

    [Fact]
    public void A_transport_parameter_becomes_protocol_addresses_port_and_use()
    {
        var sctp = StatusText.TransportOf(new SctpTransport(7000, TransportUse.DataPlusControl, ValueArray.Create<IPAddress>([IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.9")])));
        var udp = StatusText.TransportOf(new UdpTransport(53, ValueArray.Create<IPAddress>([IPAddress.Loopback])));

        Assert.Equal(new TransportStatus("sctp", ["10.0.0.1", "10.0.0.9"], 7000, "data+control").ToString(), sctp.ToString());
        Assert.Equal(["10.0.0.1", "10.0.0.9"], sctp.Addresses);
        Assert.Equal("data+control", sctp.Use);
        Assert.Equal("SCTP 10.0.0.1,10.0.0.9 port 7000", sctp.ToString());
        Assert.Equal(("udp", 53, (string?)null), (udp.Protocol, udp.Port, udp.Use));
    }
}
