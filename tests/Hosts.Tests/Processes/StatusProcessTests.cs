using System.Globalization;
using System.Net.Http.Json;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>A real registrar with its status endpoint, a PE bound to any address, and <c>rserpool monitor</c> reading it.</summary>
public sealed class StatusProcessTests
{
    [Fact]
    public async Task The_status_endpoint_and_the_monitor_show_a_registered_pe_with_the_address_it_registered_from()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        // Bound to any address: registered with the address it reaches the registrar from (docs/protocol-notes.md §6).
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "0.0.0.0:0");
        await using var __ = server;
        string pe = (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;

        using var http = new HttpClient();
        var status = await http.GetFromJsonAsync<RegistrarStatus>(new Uri(new Uri(url), "status"), StatusServer.Json);
        var element = Assert.Single(Assert.Single(status!.Pools).Elements);
        Assert.Equal("0x" + pe, element.Identifier);
        Assert.True(element.Home);
        Assert.StartsWith("TCP 127.0.0.1 port ", element.UserTransport, StringComparison.Ordinal);
        Assert.Equal(["tcp"], status.EnrpTransports);

        string metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));
        Assert.Contains("rserpool_pool_elements{owner=\"home\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pools 1", metrics, StringComparison.Ordinal);

        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, Program.Run(["monitor", "--status", url], TextReader.Null, stdout, stderr));
        Assert.Contains("pool EchoPool: 1 PE", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"PE 0x{pe}  home  TCP 127.0.0.1", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_monitor_reports_an_unreachable_status_endpoint_as_a_failure()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(1, Program.Run(["monitor", "--status", "http://127.0.0.1:1/"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("rserpool monitor: http://127.0.0.1:1/status", stderr.ToString(), StringComparison.Ordinal);
    }
}
