using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Config;
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
        Assert.Equal("tcp", element.UserTransport.Protocol);
        Assert.Equal(["127.0.0.1"], element.UserTransport.Addresses);
        Assert.InRange(element.UserTransport.Port, 1, 65535);
        Assert.Equal("data+control", element.UserTransport.Use);   // the server takes ASAP control messages on its port
        Assert.Equal(["tcp"], status.EnrpTransports);

        string metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));
        Assert.Contains("rserpool_pool_elements{owner=\"home\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pools 1", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_registrations_total 1", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements_per_pool{pool=\"EchoPool\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE rserpool_registration_duration_seconds histogram", metrics, StringComparison.Ordinal);

        // HOST:PORT, as the registrar's --status takes it, as well as the URL.
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        string hostPort = new Uri(url).Authority;
        Assert.Equal(0, Program.Run(["monitor", "--status", hostPort], TextReader.Null, stdout, stderr));
        Assert.Contains("pool EchoPool: 1 PE", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"PE 0x{pe}  home  TCP 127.0.0.1", stdout.ToString(), StringComparison.Ordinal);
    }

    [PromtoolFact]
    public async Task Metrics_pass_promtool_check_metrics()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0");
        await using var __ = server;
        await server.WaitForLineAsync(@"server ready: PE 0x[0-9a-f]{8}");

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(new Uri(url), "metrics"));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        string metrics = await response.Content.ReadAsStringAsync();

        (int exit, string output) = await Promtool.CheckMetricsAsync(metrics);
        Assert.True(exit == 0, $"promtool check metrics: exit {exit}: {output}");
        Assert.Contains("# TYPE rserpool_registrations_total counter", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counters_follow_registrations_removals_and_enrp_messages()
    {
        var first = RserpoolProcess.Start("registrar", "--server-id", "0xa1", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--enrp-announce", "off", "--status", "127.0.0.1:0");
        await using var _ = first;
        var ready = await first.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+), ENRP on TCP (127\.0\.0\.1:\d+)");
        string url = (await first.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;
        var second = RserpoolProcess.Start("registrar", "--server-id", "0xb2", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--enrp-announce", "off", "--peer", ready.Groups[2].Value);
        await using var __ = second;
        await first.WaitForLineAsync("new ENRP peer 0x000000b2");
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", ready.Groups[1].Value, "--asap-announce", "off",
            "--local", "127.0.0.1:0");
        await using var ___ = server;
        string pe = (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;
        server.Signal(kill: true);   // its association breaks: removed as association_lost
        await first.WaitForLineAsync($"PE 0x{pe} removed from EchoPool");

        using var http = new HttpClient();
        string metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));

        Assert.Contains("rserpool_registrations_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_pool_elements_removed_total{reason=\"association_lost\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Matches(@"rserpool_enrp_messages_total\{direction=""received"",type=""Presence""\} [1-9]", metrics);
        Assert.Matches(@"rserpool_enrp_messages_total\{direction=""sent"",type=""HandleUpdate""\} [1-9]", metrics);   // the registration, then the removal
        Assert.Matches(@"rserpool_registration_duration_seconds_count [1-9]", metrics);
    }

    [Fact]
    public async Task Health_answers_while_ready_waits_for_the_enrp_startup_phase_to_end()
    {
        // A mentor that never answers and a long discovery time keep the registrar in its ENRP startup phase.
        using var config = new TempFile("rserpool.registrar.enrp.mentor-discovery-timeout = 10m\n");
        var registrar = RserpoolProcess.Start("registrar", "--config", config.Path, "--asap", "127.0.0.1:0", "--asap-announce", "off",
            "--enrp", "127.0.0.1:0", "--enrp-announce", "off", "--peer", "127.0.0.1:9", "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(new Uri(url), "health"));
        using var ready = await http.GetAsync(new Uri(new Uri(url), "ready"));

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("ENRP startup", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_once_the_enrp_startup_phase_is_over()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--enrp-announce", "off", "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;
        await registrar.WaitForLineAsync("ENRP startup phase over");

        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(new Uri(url), "ready"));

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public void The_monitor_reports_an_unreachable_status_endpoint_as_a_failure()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(1, Program.Run(["monitor", "--status", "http://127.0.0.1:1/"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("rserpool monitor: http://127.0.0.1:1/status", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_monitor_takes_localhost_port_and_reports_it_unreachable_without_a_stack_trace()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(1, Program.Run(["monitor", "--status", "localhost:1"], TextReader.Null, TextWriter.Null, stderr));
        Assert.StartsWith("rserpool monitor: http://localhost:1/status: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }
}
