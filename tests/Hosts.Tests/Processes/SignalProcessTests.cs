using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 16 items 6 and 7: SIGTERM and Ctrl-C (SIGINT) end every command within 1 s with exit 0 (a server still hunting
/// for a registrar, an interactive terminal waiting for stdin, a generating terminal, which still prints its summary);
/// a terminal talking to the discard service (which answers nothing) ends soon after stdin closes instead of waiting
/// out --answer-timeout.
/// </summary>
public sealed class SignalProcessTests
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(1);

    private static async Task<(RserpoolProcess Process, string AsapEndPoint)> StartRegistrarAsync()
    {
        var process = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)");
        return (process, ready.Groups[1].Value);
    }

    private static async Task<RserpoolProcess> StartServerAsync(string registrar, string service)
    {
        var process = RserpoolProcess.Start("server", "--service", service, "--registrar", registrar, "--asap-announce", "off", "--local", "127.0.0.1:0");
        await process.WaitForLineAsync("server ready");
        return process;
    }

    // Signals the process and returns its exit code, failing when it takes longer than the bound.
    private static async Task<int> StopAsync(RserpoolProcess process, bool interrupt)
    {
        var clock = Stopwatch.StartNew();
        if (interrupt)
        {
            process.Interrupt();
        }
        else
        {
            process.Signal();
        }
        int exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < StopBound, $"stopped after {clock.Elapsed.TotalMilliseconds:F0} ms; output:\n{process.Output}");
        return exitCode;
    }

    private static string DeadRegistrar()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task A_server_hunting_for_a_registrar_warns_once_then_stops_on_sigterm_within_a_second_with_exit_0()
    {
        string dead = DeadRegistrar();
        await using var server = RserpoolProcess.Start("server", "--registrar", dead, "--asap-announce", "off", "--local", "127.0.0.1:0");
        var warning = await server.WaitForLineAsync(@"\[WRN\] no registrar reachable .*");
        Assert.Contains(dead, warning.Value, StringComparison.Ordinal);
        Assert.Contains("--registrar HOST:PORT", warning.Value, StringComparison.Ordinal);
        Assert.Contains("--asap-announce", warning.Value, StringComparison.Ordinal);
        Assert.Equal(0, await StopAsync(server, interrupt: false));
        // Attempts every second or faster, warnings at 0, 1, 3, 7 ... s: far fewer warnings than attempts.
        Assert.InRange(server.LinesMatching(@"\[WRN\] no registrar reachable").Count, 1, 4);
        Assert.Empty(server.LinesMatching(@"\[INF\] hunt:|no registrar of"));
    }

    [SigintFact]
    public async Task A_server_hunting_for_a_registrar_stops_on_ctrl_c_within_a_second_with_exit_0()
    {
        await using var server = RserpoolProcess.Start("server", "--registrar", DeadRegistrar(), "--asap-announce", "off", "--local", "127.0.0.1:0");
        await server.WaitForLineAsync(@"\[WRN\] no registrar reachable");
        Assert.Equal(0, await StopAsync(server, interrupt: true));
    }

    [Fact]
    public async Task An_interactive_terminal_waiting_for_stdin_stops_on_sigterm_within_a_second_with_exit_0()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        await using var server = await StartServerAsync(endPoint, "echo");
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", endPoint, "--asap-announce", "off");
        await terminal.WaitForLineAsync("session with PE");
        await terminal.WriteLineAsync("hello");
        await terminal.WaitForLineAsync("^hello$");
        Assert.Equal(0, await StopAsync(terminal, interrupt: false));
    }

    [SigintFact]
    public async Task An_interactive_terminal_stops_on_ctrl_c_within_a_second_with_exit_0()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        await using var server = await StartServerAsync(endPoint, "echo");
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", endPoint, "--asap-announce", "off");
        await terminal.WaitForLineAsync("session with PE");
        Assert.Equal(0, await StopAsync(terminal, interrupt: true));
    }

    [Fact]
    public async Task A_generating_terminal_stopped_by_sigterm_prints_its_summary_and_exits_0_within_a_second()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        await using var server = await StartServerAsync(endPoint, "echo");
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", endPoint, "--asap-announce", "off",
            "--generate", "1000000", "--interval", "5ms");
        await terminal.WaitForLineAsync("^request 20$");
        Assert.Equal(0, await StopAsync(terminal, interrupt: false));
        var summary = Assert.Single(terminal.LinesMatching(@"^terminal: sent=\d+ answered=\d+ lost=\d+ failovers=0 max-gap-ms=\d+ duplicates=\d+ max-wait-ms=\d+$"));
        Assert.DoesNotContain("sent=1000000", summary, StringComparison.Ordinal);
    }

    [SigintFact]
    public async Task A_generating_terminal_stopped_by_ctrl_c_prints_its_summary()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        await using var server = await StartServerAsync(endPoint, "echo");
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", endPoint, "--asap-announce", "off",
            "--generate", "1000000", "--interval", "5ms");
        await terminal.WaitForLineAsync("^request 20$");
        Assert.Equal(0, await StopAsync(terminal, interrupt: true));
        Assert.Single(terminal.LinesMatching("^terminal: sent="));
    }

    [Fact]
    public async Task A_fetch_waiting_for_a_registrar_stops_on_sigterm_within_a_second_and_leaves_the_target()
    {
        string directory = Directory.CreateTempSubdirectory("rserpool-fetch-signal-").FullName;
        try
        {
            string target = Path.Combine(directory, "precious.txt");
            await File.WriteAllTextAsync(target, "precious");
            await using var fetch = RserpoolProcess.Start("fetch", "--registrar", DeadRegistrar(), "--asap-announce", "off",
                "--give-up-after", "60s", "--log-level", "Debug", "notes.txt", "-o", target);
            await fetch.WaitForLineAsync("hunt: registrar .* unreachable");
            Assert.Equal(0, await StopAsync(fetch, interrupt: false));
            Assert.Equal("precious", await File.ReadAllTextAsync(target));
            Assert.Equal([target], Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_terminal_to_the_discard_service_ends_soon_after_stdin_closes()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        await using var server = await StartServerAsync(endPoint, "discard");
        await using var terminal = RserpoolProcess.Start("terminal", "--pool", "DiscardPool", "--registrar", endPoint, "--asap-announce", "off",
            "--answer-timeout", "30s");
        await terminal.WaitForLineAsync("session with PE");
        await terminal.WriteLineAsync("into the void");
        var clock = Stopwatch.StartNew();
        terminal.CloseInput();
        Assert.Equal(0, await terminal.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"ended {clock.Elapsed.TotalSeconds:F1} s after stdin closed (--answer-timeout 30s)");
    }
}
