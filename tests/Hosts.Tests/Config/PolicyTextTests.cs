using RSerPool.Actors.Configuration;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

public sealed class PolicyTextTests
{
    [Theory]
    [InlineData("RoundRobin", PolicyType.RoundRobin, new uint[0])]
    [InlineData("round-robin", PolicyType.RoundRobin, new uint[0])]
    [InlineData("WeightedRoundRobin:5", PolicyType.WeightedRoundRobin, new uint[] { 5 })]
    [InlineData("LeastUsed", PolicyType.LeastUsed, new uint[] { 0 })]
    [InlineData("LeastUsedWithDegradation:7:10", PolicyType.LeastUsedWithDegradation, new uint[] { 7, 10 })]
    [InlineData("priority:3", PolicyType.Priority, new uint[] { 3 })]
    public void Parses_the_name_and_values_in_layout_order(string text, PolicyType type, uint[] values)
    {
        var policy = PolicyText.Parse(text);
        Assert.Equal(type, policy.Type);
        Assert.Equal(values, policy.Values.ToArray());
    }

    [Theory]
    [InlineData("Fastest")]
    [InlineData("1")]
    [InlineData("RoundRobin:1")]
    [InlineData("WeightedRoundRobin:x")]
    [InlineData("WeightedRoundRobin:-1")]
    [InlineData("PriorityLeastUsedWithDpf")]
    public void Refuses_unknown_names_extra_or_bad_values(string text) =>
        Assert.Throws<RSerPoolConfigException>(() => PolicyText.Parse(text));
}
