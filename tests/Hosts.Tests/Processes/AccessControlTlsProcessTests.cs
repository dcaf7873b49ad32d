using RSerPool.Hosts.Tests.Config;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 17 item 3 with real certificates (<c>rserpool certs create</c>): the identity of a PE's TLS client certificate
/// (CN=pe) reaches rserpool.acl: a PE allowed only in A-pools registers in A-pool and is refused in B-pool, the refusal
/// logged at WARN with the identity and counted on /metrics (docs/security.md).
/// </summary>
public sealed class AccessControlTlsProcessTests(TlsCertificates certs) : IClassFixture<TlsCertificates>
{
    [Fact]
    public async Task A_PE_allowed_only_in_pool_A_registers_there_and_is_refused_in_pool_B()
    {
        using var config = new TempFile("""rserpool.acl.rules = [ { identity = "pe", register = ["A*"] } ]""");
        var registrar = RserpoolProcess.Start(["registrar", "--config", config.Path, "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--status", "127.0.0.1:0", .. certs.Flags("registrar")]);
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        var metrics = new Uri(new Uri((await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value), "metrics");

        var allowed = RserpoolProcess.Start(["server", "--pool", "A-pool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0", .. certs.Flags("pe")]);
        await using var __ = allowed;
        await registrar.WaitForLineAsync(@"PE 0x[0-9a-f]{8} registered in A-pool");

        var refused = RserpoolProcess.Start(["server", "--pool", "B-pool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0", .. certs.Flags("pe")]);
        await using var ___ = refused;
        await registrar.WaitForLineAsync(@"\[WRN\] registration of PE 0x[0-9a-f]{8} in B-pool from 127\.0\.0\.1:\d+ \(identity pe\) refused by rserpool\.acl");

        using var http = new HttpClient();
        string text = await http.GetStringAsync(metrics);
        Assert.Matches(@"rserpool_refusals_total\{cause=""acl-register""\} [1-9]", text);
        Assert.Contains("rserpool_registrations_total 1\n", text, StringComparison.Ordinal);
        Assert.Empty(registrar.LinesMatching("registered in B-pool"));
    }

    [Fact]
    public async Task A_PU_allowed_to_resolve_only_pool_A_gets_its_PE_there_and_is_refused_in_pool_B()
    {
        using var config = new TempFile("""rserpool.acl.rules = [ { identity = "pe", register = ["*"] }, { identity = "pu", resolve = ["A-pool"] } ]""");
        var registrar = RserpoolProcess.Start(["registrar", "--config", config.Path, "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--status", "127.0.0.1:0", .. certs.Flags("registrar")]);
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        var metrics = new Uri(new Uri((await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value), "metrics");
        var peA = RserpoolProcess.Start(["server", "--pool", "A-pool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0", .. certs.Flags("pe")]);
        await using var __ = peA;
        var peB = RserpoolProcess.Start(["server", "--pool", "B-pool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0", .. certs.Flags("pe")]);
        await using var ___ = peB;
        await registrar.WaitForLineAsync(@"PE 0x[0-9a-f]{8} registered in A-pool");
        await registrar.WaitForLineAsync(@"PE 0x[0-9a-f]{8} registered in B-pool");

        var allowed = RserpoolProcess.Start(["terminal", "--pool", "A-pool", "--registrar", asap, "--asap-announce", "off", "--give-up-after", "10s",
            "--generate", "3", "--interval", "10ms", .. certs.Flags("pu")]);
        await using var ____ = allowed;
        await allowed.WaitForLineAsync(@"terminal: sent=3 answered=3 lost=0");
        var refused = RserpoolProcess.Start(["terminal", "--pool", "B-pool", "--registrar", asap, "--asap-announce", "off", "--give-up-after", "3s",
            "--generate", "3", "--interval", "10ms", .. certs.Flags("pu")]);
        await using var _____ = refused;
        await registrar.WaitForLineAsync(@"\[WRN\] handle resolution in B-pool from 127\.0\.0\.1:\d+ \(identity pu\) refused by rserpool\.acl");

        Assert.Equal(1, await refused.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        using var http = new HttpClient();
        Assert.Matches(@"rserpool_refusals_total\{cause=""acl-resolve""\} [1-9]", await http.GetStringAsync(metrics));
    }
}
