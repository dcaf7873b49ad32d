using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 13 item 0 end to end: a raw TCP client cannot take over or delete a real PE by re-registering its identifier,
/// nor register addresses or lives the registrar must not hand to PUs; each refusal is counted on /metrics.
/// </summary>
public sealed class RegistrationGuardProcessTests
{
    private static readonly PoolHandle EchoPool = PoolHandle.FromString("EchoPool");

    private static AsapRegistration Registration(uint id, string address, int lifeMs = 90_000) => new(EchoPool,
        new PoolElement(id, 0, lifeMs, new TcpTransport(6666, TransportUse.DataOnly, [IPAddress.Parse(address)]), PoolMemberSelectionPolicy.RoundRobin()));

    private static async Task<(RserpoolProcess Registrar, IPEndPoint Asap, Uri Status)> StartRegistrarAsync()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--status", "127.0.0.1:0", "--log-level", "Debug");
        var asap = IPEndPoint.Parse((await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value);
        var status = new Uri((await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);
        return (registrar, asap, status);
    }

    private static async Task<ErrorCauseCode> RegisterRejectedAsync(AsapClient client, AsapRegistration registration)
    {
        await client.SendAsync(registration);
        var response = Assert.IsType<AsapRegistrationResponse>(await client.ReceiveAsync());
        Assert.True(response.Rejected, $"registration of 0x{registration.PoolElement.Identifier:x8} accepted");
        return Assert.Single(response.Error!.Causes).Code;
    }

    [Fact]
    public async Task A_client_re_registering_a_live_pes_identifier_is_refused_and_its_disconnect_leaves_the_pe_in_place()
    {
        var (registrar, asap, statusUrl) = await StartRegistrarAsync();
        await using var _ = registrar;
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", asap.ToString(), "--asap-announce", "off",
            "--local", "127.0.0.1:0");
        await using var __ = server;
        uint pe = uint.Parse((await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        using var user = await AsapClient.ConnectAsync(asap);
        await user.SendAsync(new AsapHandleResolution(EchoPool));
        var real = Assert.Single(Assert.IsType<AsapHandleResolutionResponse>(await user.ReceiveAsync()).PoolElements);

        // The same PE as the real one but for the attacker's port: nothing but the association tells them apart.
        var hijack = new AsapRegistration(EchoPool, real with { HomeServerIdentifier = 0, UserTransport = real.UserTransport with { Port = 6666 } });
        var attacker = await AsapClient.ConnectAsync(asap);
        int attackerPort = attacker.LocalEndPoint.Port;
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(ErrorCauseCode.RejectionDueToSecurityConsiderations, await RegisterRejectedAsync(attacker, hijack));
        }

        attacker.Dispose();
        await registrar.WaitForLineAsync($@"ASAP association \d+ with 127\.0\.0\.1:{attackerPort} ended");

        await user.SendAsync(new AsapHandleResolution(EchoPool));
        var element = Assert.Single(Assert.IsType<AsapHandleResolutionResponse>(await user.ReceiveAsync()).PoolElements);
        Assert.Equal(pe, element.Identifier);
        Assert.Equal(real.UserTransport, element.UserTransport);
        Assert.Single(registrar.LinesMatching(@"\[WRN\] registration of PE .* refused: the PE is registered over another live association"));
        using var http = new HttpClient();
        string metrics = await http.GetStringAsync(new Uri(statusUrl, "metrics"));
        Assert.Contains("rserpool_refusals_total{cause=\"pe-identifier-taken\"} 3", metrics, StringComparison.Ordinal);
        Assert.Empty(server.LinesMatching("rejected|refused"));
    }

    [Fact]
    public async Task Multicast_broadcast_foreign_scope_addresses_and_lives_of_zero_or_less_are_refused_and_counted()
    {
        var (registrar, asap, statusUrl) = await StartRegistrarAsync();
        await using var _ = registrar;
        using var client = await AsapClient.ConnectAsync(asap);

        Assert.Equal(ErrorCauseCode.InvalidValues, await RegisterRejectedAsync(client, Registration(1, "224.0.0.1")));
        Assert.Equal(ErrorCauseCode.InvalidValues, await RegisterRejectedAsync(client, Registration(2, "255.255.255.255")));
        Assert.Equal(ErrorCauseCode.InvalidValues, await RegisterRejectedAsync(client, Registration(3, "8.8.8.8")));
        Assert.Equal(ErrorCauseCode.InvalidValues, await RegisterRejectedAsync(client, Registration(4, "127.0.0.1", lifeMs: -1)));
        Assert.Equal(ErrorCauseCode.InvalidValues, await RegisterRejectedAsync(client, Registration(5, "127.0.0.1", lifeMs: 0)));
        await client.SendAsync(Registration(6, "127.0.0.1", lifeMs: int.MaxValue));   // 24.8 days: registered for the maximum
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await client.ReceiveAsync()).Rejected);

        using var http = new HttpClient();
        var status = await http.GetFromJsonAsync<RegistrarStatus>(new Uri(statusUrl, "status"), StatusServer.Json);
        Assert.Equal(600_000, Assert.Single(Assert.Single(status!.Pools).Elements).RegistrationLifeMs);
        Assert.Equal(2, status.Refusals["bad-address"]);
        Assert.Equal(1, status.Refusals["address-scope"]);
        Assert.Equal(3, status.Refusals["registration-life"]);
    }
}
