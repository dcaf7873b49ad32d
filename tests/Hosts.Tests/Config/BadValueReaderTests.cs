using RSerPool.Actors.Configuration;
using RSerPool.Wire.Errors;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>The readers of hocon/reference.conf refuse values that would start a broken node (issue 16).</summary>
public sealed class BadValueReaderTests
{
    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3:9901")]
    [InlineData("10")]
    [InlineData("0x7f.1:1")]
    [InlineData("1.2.3.256:1")]
    [InlineData("1.2.3.4.5:1")]
    public void An_ipv4_address_needs_four_decimal_octets(string text) =>
        Assert.False(EndPointText.TryParse(text, 9901, out _));

    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4:9901")]
    [InlineData("10.0.0.2:1", "10.0.0.2:1")]
    [InlineData("[::1]:5", "[::1]:5")]
    [InlineData("::1", "[::1]:9901")]
    public void Dotted_quads_and_ipv6_literals_still_parse(string text, string expected)
    {
        Assert.True(EndPointText.TryParse(text, 9901, out var endPoint));
        Assert.Equal(expected, endPoint.ToString());
    }

    [Theory]
    [InlineData("rserpool.registrar.limits.max-pools = 0", "rserpool.registrar.limits.max-pools")]
    [InlineData("rserpool.registrar.limits.max-associations = -3", "rserpool.registrar.limits.max-associations")]
    [InlineData("rserpool.registrar.max-bad-pe-reports = 0", "rserpool.registrar.max-bad-pe-reports")]
    [InlineData("rserpool.registrar.max-increment = -1", "rserpool.registrar.max-increment")]
    [InlineData("rserpool.registrar.announce-ttl = 300", "rserpool.registrar.announce-ttl")]
    [InlineData("rserpool.registrar.enrp.max-peers = 0", "rserpool.registrar.enrp.max-peers")]
    [InlineData("rserpool.registrar.enrp.presence-ttl = -1", "rserpool.registrar.enrp.presence-ttl")]
    public void Registrar_limits_out_of_range_name_their_key(string hocon, string key)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(TestConfig.With(hocon)));
        Assert.Equal(key, error.Key);
    }

    [Theory]
    [InlineData("rserpool.registrar-client.max-queued-requests = 0", "rserpool.registrar-client.max-queued-requests")]
    [InlineData("rserpool.pu.max-waiting-per-pool = -1", "rserpool.pu.max-waiting-per-pool")]
    public void Node_limits_below_1_name_their_key(string hocon, string key)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => NodeConfig.Read(TestConfig.With(hocon)));
        Assert.Equal(key, error.Key);
    }

    [Theory]
    [InlineData("WeightedRoundRobin")]
    [InlineData("WeightedRoundRobin:0")]
    [InlineData("WeightedRandom")]
    [InlineData("WeightedRandomWithDpf")]
    public void A_weighted_policy_needs_a_weight_of_at_least_1(string text)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => PolicyText.Parse(text));
        Assert.Equal("--policy", error.Key);
        Assert.Contains("needs a weight of at least 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rserpool.registrar.limits.max-pool", "rserpool.registrar.limits.max-pools")]
    [InlineData("rserpool.registrar.max-pools", "rserpool.registrar.limits.max-pools")]
    [InlineData("rserpool.registrar.keep-alive-intervall", "rserpool.registrar.keep-alive-interval")]
    [InlineData("rserpool.registrar.enrp.peer", "rserpool.registrar.enrp.peers")]
    [InlineData("rserpool.server.max-session", "rserpool.server.max-sessions")]
    public void The_closest_known_key_is_suggested(string unknown, string known) =>
        Assert.Equal(known, KeySuggestion.Closest(unknown));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("max-pool", "max-pools", 1)]
    [InlineData("abc", "", 3)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int distance)
    {
        Assert.Equal(distance, KeySuggestion.Distance(a, b));
        Assert.Equal(distance, KeySuggestion.Distance(b, a));
    }

    [Fact]
    public void An_error_cause_is_described_by_code_and_name()
    {
        Assert.Equal("0x0006 LackOfResources", ErrorCauseText.Describe(ErrorCauseCode.LackOfResources));
        Assert.Equal("0x0003 InvalidValues", ErrorCauseText.Describe(ErrorCauseCode.InvalidValues));
        Assert.Equal("0x7777 unknown cause", ErrorCauseText.Describe((ErrorCauseCode)0x7777));
    }
}
