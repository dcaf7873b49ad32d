using System.Net;
using RSerPool.Hosts.Tests.Config;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 17 item 3 end to end without certificates: <c>rserpool.acl</c> from a --config file reaches the registrar; a
/// plaintext client is <c>anonymous</c> and may do only what an anonymous rule grants; each refusal is answered with
/// cause 0x000A, logged at WARN once per identity and pool and counted on /metrics.
/// </summary>
public sealed class AccessControlProcessTests
{
    private static AsapRegistration Registration(uint id, string pool) => new(PoolHandle.FromString(pool),
        new PoolElement(id, 0, 90_000, new TcpTransport(6666, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin()));

    [Fact]
    public async Task An_anonymous_client_registers_and_resolves_only_where_a_rule_allows_and_each_refusal_is_logged_and_counted()
    {
        using var config = new TempFile("""rserpool.acl.rules = [ { identity = "anonymous", register = ["A*"], resolve = ["A-pool"] } ]""");
        var registrar = RserpoolProcess.Start("registrar", "--config", config.Path, "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--status", "127.0.0.1:0");
        await using var _ = registrar;
        var asap = IPEndPoint.Parse((await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value);
        var statusUrl = new Uri((await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);
        using var client = await AsapClient.ConnectAsync(asap);

        await client.SendAsync(Registration(1, "A-pool"));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await client.ReceiveAsync()).Rejected);
        for (uint id = 2; id <= 3; id++)
        {
            await client.SendAsync(Registration(id, "B-pool"));
            var refused = Assert.IsType<AsapRegistrationResponse>(await client.ReceiveAsync());
            Assert.True(refused.Rejected);
            Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(refused.Error!.Causes).Code);
        }

        await client.SendAsync(new AsapHandleResolution(PoolHandle.FromString("A-pool")));
        Assert.Equal(1u, Assert.Single(Assert.IsType<AsapHandleResolutionResponse>(await client.ReceiveAsync()).PoolElements).Identifier);
        await client.SendAsync(new AsapHandleResolution(PoolHandle.FromString("A-other")));
        var resolution = Assert.IsType<AsapHandleResolutionResponse>(await client.ReceiveAsync());
        Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, Assert.Single(resolution.Error!.Causes).Code);
        Assert.True(resolution.PoolElements.IsEmpty);

        using var http = new HttpClient();
        string metrics = await http.GetStringAsync(new Uri(statusUrl, "metrics"));
        Assert.Contains("rserpool_refusals_total{cause=\"acl-register\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_refusals_total{cause=\"acl-resolve\"} 1", metrics, StringComparison.Ordinal);
        Assert.Single(registrar.LinesMatching(@"\[WRN\] registration of PE 0x00000002 in B-pool .*identity anonymous.* refused by rserpool\.acl"));
        Assert.Single(registrar.LinesMatching(@"\[WRN\] handle resolution in A-other .* refused by rserpool\.acl"));
        Assert.Empty(registrar.LinesMatching(@"0x00000003 in B-pool"));   // the second refusal for the same identity and pool is only counted
    }
}
