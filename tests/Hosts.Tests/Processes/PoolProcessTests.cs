using System.Globalization;
using System.Net;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>The real registrar, server and terminal processes on loopback (issue 5): failover with nothing lost, clean stops.</summary>
public sealed class PoolProcessTests
{
    private static async Task<(RserpoolProcess Process, string AsapEndPoint)> StartRegistrarAsync()
    {
        var process = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)");
        return (process, ready.Groups[1].Value);
    }

    private static async Task<(RserpoolProcess Process, uint Identifier)> StartServerAsync(string registrar, string service = "echo", string pool = "EchoPool")
    {
        var process = RserpoolProcess.Start("server", "--pool", pool, "--service", service, "--registrar", registrar,
            "--asap-announce", "off", "--local", "127.0.0.1:0");
        var ready = await process.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})");
        return (process, uint.Parse(ready.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_terminal_line_is_answered_when_the_serving_pe_is_killed_mid_session()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        var servers = new Dictionary<uint, RserpoolProcess>();
        for (int i = 0; i < 3; i++)
        {
            var (server, id) = await StartServerAsync(endPoint);
            servers[id] = server;
        }
        try
        {
            var terminal = RserpoolProcess.Start("terminal", "--pool", "EchoPool", "--registrar", endPoint, "--asap-announce", "off");
            await using var __ = terminal;
            var session = await terminal.WaitForLineAsync(@"session with PE 0x([0-9a-f]{8})");
            uint serving = uint.Parse(session.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

            const int Lines = 40;
            for (int n = 1; n <= Lines / 2; n++)
            {
                await terminal.WriteLineAsync($"line-{n:D3}");
            }
            await terminal.WaitForLineAsync($"^line-{Lines / 2:D3}$");
            servers[serving].Signal(kill: true);
            for (int n = (Lines / 2) + 1; n <= Lines; n++)
            {
                await terminal.WriteLineAsync($"line-{n:D3}");
            }
            terminal.CloseInput();

            Assert.Equal(0, await terminal.WaitForExitAsync());
            var answered = terminal.LinesMatching(@"^line-\d{3}$").Distinct().ToArray();
            Assert.Equal(Enumerable.Range(1, Lines).Select(n => $"line-{n:D3}"), answered.Order());
            var failover = Assert.Single(terminal.LinesMatching("failover from PE"));
            Assert.Contains($"0x{serving:x8}", failover, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var server in servers.Values)
            {
                await server.DisposeAsync();
            }
        }
    }

    // The coordinated shutdown's service-unbind phase deregisters the PE (RFC 5352 §3.2) before the process ends.
    [Fact]
    public Task A_server_deregisters_on_sigterm_and_exits_0() => ServerDeregistersOnSignalAndExits0(ctrlC: false);

    [SigintFact]
    public Task A_server_deregisters_on_ctrl_c_and_exits_0() => ServerDeregistersOnSignalAndExits0(ctrlC: true);

    private static async Task ServerDeregistersOnSignalAndExits0(bool ctrlC)
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        var (server, id) = await StartServerAsync(endPoint, "pingpong", "PingPongPool");
        await using var __ = server;
        using var pu = await AsapClient.ConnectAsync(IPEndPoint.Parse(endPoint));

        await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("PingPongPool")));
        var before = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        Assert.Equal(id, Assert.Single(before.PoolElements).Identifier);

        if (ctrlC)
        {
            server.Interrupt();
        }
        else
        {
            server.Signal();
        }

        Assert.Equal(0, await server.WaitForExitAsync());
        // Deregistered, not timed out: the registrar heard the PE's Deregistration before the process ended.
        await registrar.WaitForLineAsync($"PE 0x{id:x8} removed from PingPongPool.*Deregistered");
        Assert.Contains($"PE 0x{id:x8}: Deregistered", server.Output, StringComparison.Ordinal);
        Assert.Contains("rserpool-server: shutting down", server.Output, StringComparison.Ordinal);
        await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("PingPongPool")));
        var after = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        Assert.Empty(after.PoolElements);
    }

    [Fact]
    public async Task A_server_that_cannot_start_exits_1()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        await using var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", endPoint,
            "--asap-announce", "off", "--local", taken.LocalEndpoint.ToString()!);

        Assert.Equal(1, await server.WaitForExitAsync());
        Assert.Contains("rserpool-server cannot start", server.Output, StringComparison.Ordinal);
    }
}
