using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using RSerPool.Hosts.Status;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 16 "invisible failures" and "crashes instead of messages" with real processes: a configured ENRP peer that
/// cannot be reached is warned about, listed and counted; a busy status port and a refused registration end the host
/// with exit 1 and one line, no stack trace.
/// </summary>
public sealed class OperatorVisibilityProcessTests
{
    [Fact]
    public async Task A_configured_enrp_peer_that_cannot_be_reached_is_warned_about_listed_and_counted()
    {
        // Bound, not listening: every connect to it is refused.
        using var dead = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        dead.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        string peer = dead.LocalEndPoint!.ToString()!;
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--enrp-transport", "tcp", "--peer", peer, "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        await registrar.WaitForLineAsync($@"\[WRN\] registrar 0x[0-9a-f]{{8}}: configured ENRP peer {Regex(peer)} unreachable: .+ \(1 failed connects in a row");
        // The next warnings come at the 2nd and 4th failure, not at every retry.
        await registrar.WaitForLineAsync($@"\[WRN\] .*configured ENRP peer {Regex(peer)} unreachable: .+ \(4 failed connects in a row");
        Assert.Empty(registrar.LinesMatching(@"\(3 failed connects in a row"));

        using var http = new HttpClient();
        var status = await http.GetFromJsonAsync<RegistrarStatus>(new Uri(new Uri(url), "status"), StatusServer.Json);
        var listed = Assert.Single(status!.Peers);
        Assert.Equal((peer, "unreachable", "unknown"), (listed.EndPoint, listed.State, listed.ServerId));
        Assert.False(string.IsNullOrEmpty(listed.Reason));
        Assert.True(listed.FailedConnects >= 4);

        string metrics = await http.GetStringAsync(new Uri(new Uri(url), "metrics"));
        Assert.Contains("rserpool_enrp_peers_unreachable 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("rserpool_enrp_peers 0\n", metrics, StringComparison.Ordinal);

        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, Program.Run(["monitor", "--status", url.Replace("http://", "", StringComparison.Ordinal).TrimEnd('/')], TextReader.Null, stdout, TextWriter.Null));
        Assert.Contains("ENRP peers: 0, 1 configured unreachable", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"  unknown  {peer}  unreachable  ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_status_port_ends_the_registrar_with_exit_1_and_one_line()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--status", busy.LocalEndpoint.ToString()!);
        await using var _ = registrar;

        Assert.Equal(ExitCodes.Failure, await registrar.WaitForExitAsync());
        Assert.Single(registrar.LinesMatching($@"\[ERR\] rserpool-registrar cannot start: status endpoint {Regex(busy.LocalEndpoint.ToString()!)} \(--status\): .*address already in use"));
        Assert.Empty(registrar.LinesMatching(@"^\s+at |Exception"));
    }

    [Fact]
    public async Task A_refused_registration_is_warned_with_the_causes_name_on_both_sides_and_ends_the_server_with_exit_1()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--max-pool-handle-length", "3");
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;

        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--registrar", asap, "--asap-announce", "off");
        await using var __ = server;

        Assert.Equal(ExitCodes.Failure, await server.WaitForExitAsync());
        Assert.NotEmpty(server.LinesMatching(@"\[WRN\] PE 0x[0-9a-f]{8}: registration in EchoPool rejected \(cause 0x0003 InvalidValues\)"));
        Assert.Single(server.LinesMatching(@"\[ERR\] rserpool-server cannot start: registration of PE 0x[0-9a-f]{8} in pool EchoPool rejected"));
        Assert.Empty(server.LinesMatching(@"^\s+at |Exception"));
        await registrar.WaitForLineAsync(@"\[WRN\] registration of PE 0x[0-9a-f]{8} in EchoPool from .* rejected: cause 0x0003 InvalidValues");
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
