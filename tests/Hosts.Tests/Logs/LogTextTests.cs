using System.Net;
using RSerPool.Actors;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Logs;

/// <summary>Wire values and durations as log lines show them (src/Actors/LogText.cs).</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData(250, "250 ms")]
    [InlineData(1500, "1.5 s")]
    [InlineData(30_000, "30 s")]
    [InlineData(600_000, "10 min")]
    [InlineData(7_200_000, "2 h")]
    [InlineData(0, "0 ms")]
    public void A_duration_reads_as_people_write_it(int milliseconds, string expected) =>
        Assert.Equal(expected, LogText.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void A_transport_reads_as_address_port_and_protocol()
    {
        Assert.Equal("127.0.0.1:42503/tcp", LogText.Transport(new TcpTransport(42503, TransportUse.DataPlusControl, [IPAddress.Loopback])));
        Assert.Equal("[::1],10.0.0.2:7/sctp", LogText.Transport(new SctpTransport(7, TransportUse.DataOnly, [IPAddress.IPv6Loopback, IPAddress.Parse("10.0.0.2")])));
        Assert.Equal("none", LogText.Transport(null));
    }

    [Fact]
    public void A_policy_reads_as_the_policy_flag_takes_it()
    {
        Assert.Equal("RoundRobin", LogText.Policy(PoolMemberSelectionPolicy.RoundRobin()));
        Assert.Equal("WeightedRoundRobin:5", LogText.Policy(PoolMemberSelectionPolicy.WeightedRoundRobin(5)));
    }
}
