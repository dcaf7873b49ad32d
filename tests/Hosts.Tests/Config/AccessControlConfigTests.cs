using RSerPool.Actors.Configuration;
using RSerPool.Actors.Security;
using RSerPool.Actors.Transport;
using RSerPool.Hosts.Tests.Commands;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>Issue 17: <c>rserpool.acl.rules</c> is read into the registrar's access control; bad rules name their key.</summary>
public sealed class AccessControlConfigTests
{
    private static readonly AssociationIdentity PeA = new("pe-a", ["pe-a.example.net"]);
    private static readonly AssociationIdentity Other = new("other", []);

    [Fact]
    public void The_reference_has_no_rules_so_everyone_may_do_everything()
    {
        var acl = RegistrarConfig.Read(TestConfig.Reference).Acl;

        Assert.True(acl.IsOpen);
        Assert.True(acl.Allows(null, AccessRight.Register, PoolHandle.FromString("AnyPool")));
        Assert.True(acl.Allows(Other, AccessRight.Resolve, PoolHandle.FromString("AnyPool")));
    }

    [Fact]
    public void Rules_grant_by_cn_or_san_exact_or_prefix_and_deny_the_rest()
    {
        var acl = RegistrarConfig.Read(TestConfig.With("""
            rserpool.acl.rules = [
              { identity = "pe-a", register = ["A*", "Exact"] }
              { identity = "*", resolve = ["Public*"] }
              { identity = "anonymous", resolve = ["Open"] }
            ]
            """)).Acl;

        Assert.Equal(3, acl.Rules.Count);
        Assert.True(acl.Allows(PeA, AccessRight.Register, PoolHandle.FromString("A-pool")));
        Assert.True(acl.Allows(new AssociationIdentity(null, ["PE-A"]), AccessRight.Register, PoolHandle.FromString("Exact")));   // SAN, any case
        Assert.False(acl.Allows(PeA, AccessRight.Register, PoolHandle.FromString("Exactly")));
        Assert.False(acl.Allows(PeA, AccessRight.Register, PoolHandle.FromString("B-pool")));
        Assert.False(acl.Allows(Other, AccessRight.Register, PoolHandle.FromString("A-pool")));
        Assert.True(acl.Allows(Other, AccessRight.Resolve, PoolHandle.FromString("Public-1")));   // "*": any authenticated identity
        Assert.False(acl.Allows(null, AccessRight.Resolve, PoolHandle.FromString("Public-1")));   // ... but not a plaintext one
        Assert.True(acl.Allows(null, AccessRight.Resolve, PoolHandle.FromString("Open")));
        Assert.False(acl.Allows(null, AccessRight.Register, PoolHandle.FromString("Open")));
    }

    [Theory]
    [InlineData("rules = 5", "rserpool.acl.rules")]
    [InlineData("rules = [ \"pe-a\" ]", "rserpool.acl.rules[0]")]
    [InlineData("rules = [ { register = [\"A\"] } ]", "rserpool.acl.rules[0].identity")]
    [InlineData("rules = [ { identity = \"pe-*\", register = [\"A\"] } ]", "rserpool.acl.rules[0].identity")]
    [InlineData("rules = [ { identity = \"pe-a\", register = \"A\" } ]", "rserpool.acl.rules[0].register")]
    [InlineData("rules = [ { identity = \"pe-a\", register = [\"A\"] }, { identity = \"pe-b\", resolve = [\"*B\"] } ]", "rserpool.acl.rules[1].resolve")]
    [InlineData("rules = [ { identity = \"pe-a\", register = [\"\"] } ]", "rserpool.acl.rules[0].register")]
    [InlineData("rules = [ { identity = \"pe-a\", registr = [\"A\"] } ]", "rserpool.acl.rules[0].registr")]
    [InlineData("rules = [ { identity = \"pe-a\" } ]", "rserpool.acl.rules[0]")]
    public void Bad_rules_are_refused_naming_the_key(string hocon, string key)
    {
        var config = TestConfig.With("rserpool.acl {\n" + hocon + "\n}");

        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(config));

        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_check_exits_2_naming_the_bad_rule()
    {
        using var file = new TempFile("rserpool.acl.rules = [ { identity = \"pe-a\", register = [\"A*B\"] } ]");

        var run = CommandRun.Of("config", "check", file.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("rserpool.acl.rules[0].register", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public void Config_show_prints_the_rules_so_that_they_read_back_the_same()
    {
        using var file = new TempFile("""
            rserpool.acl.rules = [
              { identity = "pe-a", register = ["A*", "Exact pool"] }
              { identity = "anonymous", resolve = ["*"] }
            ]
            """);

        var shown = CommandRun.Of("config", "show", "--config", file.Path);

        Assert.Equal(0, shown.ExitCode);
        using var again = new TempFile(shown.Output);
        var acl = RSerPool.Hosts.Config.HostConfig.Load([again.Path]).Read(RegistrarConfig.Read).Acl;
        Assert.Equal(["pe-a", "anonymous"], acl.Rules.Select(rule => rule.Identity));
        Assert.Equal(["A*", "Exact pool"], acl.Rules[0].Register);
        Assert.Equal(["*"], acl.Rules[1].Resolve);
        Assert.Empty(acl.Rules[1].Register);
    }
}
