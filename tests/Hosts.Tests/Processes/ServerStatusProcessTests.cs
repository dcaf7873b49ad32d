using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// `rserpool server --status` and `rserpool terminal --status`: their own status endpoints (registration state and
/// sessions; requests and failovers), probes and metrics.
/// </summary>
public sealed class ServerStatusProcessTests
{
    [Fact]
    public async Task A_registered_server_is_ready_and_counts_the_sessions_it_served()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0", "--status", "127.0.0.1:0");
        await using var __ = server;
        var url = new Uri((await server.WaitForLineAsync(@"server status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);
        string pe = "0x" + (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;

        using var http = new HttpClient();
        var before = await http.GetFromJsonAsync<NodeStatus>(new Uri(url, "status"), StatusServer.Json);   // its warm-up session counted
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, Program.Run(["terminal", "--pool", "EchoPool", "--registrar", asap, "--asap-announce", "off"], new StringReader("hello\n"), stdout,
            new StringWriter(CultureInfo.InvariantCulture)));
        Assert.Contains("hello", stdout.ToString(), StringComparison.Ordinal);

        var status = await http.GetFromJsonAsync<NodeStatus>(new Uri(url, "status"), StatusServer.Json);
        Assert.Equal("server", status!.Role);
        Assert.Equal("EchoPool", status.Pool);
        Assert.Equal(pe, status.PoolElement);
        Assert.Equal("Registered", status.Registration);
        // The home's server id is learnt from its first Keep Alive (RFC 5352 §2.2.1), so right after registering it may be unknown.
        Assert.True(status.HomeRegistrar is null || System.Text.RegularExpressions.Regex.IsMatch(status.HomeRegistrar, "^0x[0-9a-f]{8}$"), status.HomeRegistrar);
        Assert.Equal("tcp", status.UserTransport.Protocol);
        Assert.True(status.SessionsAccepted > before!.SessionsAccepted, $"sessions accepted {before.SessionsAccepted} -> {status.SessionsAccepted}");
        using var ready = await http.GetAsync(new Uri(url, "ready"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        string metrics = await http.GetStringAsync(new Uri(url, "metrics"));
        Assert.Matches(@"rserpool_pe_sessions_total [1-9]", metrics);
        Assert.Contains("rserpool_build_info{version=", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_a_registrar_is_alive_but_not_ready_and_says_why()
    {
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", "127.0.0.1:9", "--asap-announce", "off",
            "--local", "127.0.0.1:0", "--status", "127.0.0.1:0");
        await using var _ = server;
        var url = new Uri((await server.WaitForLineAsync(@"server status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(url, "health"));
        using var ready = await http.GetAsync(new Uri(url, "ready"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("in pool EchoPool is Registering", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_shows_its_pe_and_counts_requests_and_answers()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0");
        await using var __ = server;
        string pe = "0x" + (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;
        var terminal = RserpoolProcess.Start("terminal", "--pool", "EchoPool", "--registrar", asap, "--asap-announce", "off", "--status", "127.0.0.1:0");
        await using var ___ = terminal;
        var url = new Uri((await terminal.WaitForLineAsync(@"terminal status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);
        await terminal.WaitForLineAsync("terminal: session with PE");

        await terminal.WriteLineAsync("hello status");
        await terminal.WaitForLineAsync("^hello status$");

        using var http = new HttpClient();
        var status = await http.GetFromJsonAsync<TerminalStatus>(new Uri(url, "status"), StatusServer.Json);
        Assert.Equal(new TerminalStatus("terminal", "EchoPool", "connected", pe, Sent: 1, Answered: 1, Failovers: 0), status);
        using var ready = await http.GetAsync(new Uri(url, "ready"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        terminal.CloseInput();
        Assert.Equal(0, await terminal.WaitForExitAsync());
    }

    [Fact]
    public async Task A_busy_status_port_ends_the_server_with_exit_1_and_one_line()
    {
        using var busy = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        string endPoint = busy.LocalEndpoint.ToString()!;
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", "127.0.0.1:9", "--asap-announce", "off",
            "--local", "127.0.0.1:0", "--status", endPoint);
        await using var _ = server;

        Assert.Equal(ExitCodes.Failure, await server.WaitForExitAsync());
        Assert.Single(server.LinesMatching($@"\[ERR\] .*status endpoint {System.Text.RegularExpressions.Regex.Escape(endPoint)} \(--status\): .*address already in use"));
        Assert.Empty(server.LinesMatching(@"^\s+at |Exception"));
    }

    [Fact]
    public void A_bad_status_endpoint_is_a_usage_error_naming_the_flag()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(2, Program.Run(["server", "--status", "nowhere"], TextReader.Null, TextWriter.Null, stderr));
        Assert.Contains("--status", stderr.ToString(), StringComparison.Ordinal);
        var terminalErrors = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(2, Program.Run(["terminal", "--status", "nowhere"], TextReader.Null, TextWriter.Null, terminalErrors));
        Assert.Contains("--status", terminalErrors.ToString(), StringComparison.Ordinal);
    }
}
