using System.Globalization;
using System.Text.RegularExpressions;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary><c>rserpool terminal --duration</c> (the chaos suite's PU): sends for a time, then prints the summary.</summary>
public sealed class TerminalDurationProcessTests
{
    [Fact]
    public async Task A_terminal_with_a_duration_stops_sending_and_reports_every_request_answered()
    {
        await using var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        string endPoint = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        await using var server = RserpoolProcess.Start("server", "--service", "echo", "--registrar", endPoint, "--asap-announce", "off", "--local", "127.0.0.1:0");
        await server.WaitForLineAsync("server ready");

        // No --generate: --duration alone bounds the run (the count would be unlimited).
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", endPoint, "--asap-announce", "off",
            "--duration", "1s", "--interval", "10ms");
        var summary = await terminal.WaitForLineAsync(@"^terminal: sent=(\d+) answered=(\d+) lost=(\d+) failovers=\d+ max-gap-ms=\d+ duplicates=(\d+) max-wait-ms=(\d+)$");
        Assert.Equal(0, await terminal.WaitForExitAsync());

        long sent = Number(summary, 1);
        Assert.InRange(sent, 1, 101); // at most one request per 10 ms in 1 s
        Assert.Equal(sent, Number(summary, 2));
        Assert.Equal(0, Number(summary, 3));
        Assert.Equal(0, Number(summary, 4));
    }

    [Fact]
    public async Task A_duration_that_is_not_a_time_is_a_usage_error()
    {
        await using var terminal = RserpoolProcess.Start("terminal", "--duration", "soon", "--asap-announce", "off");
        Assert.Equal(2, await terminal.WaitForExitAsync());
        Assert.Contains("--duration", terminal.Output, StringComparison.Ordinal);
    }

    private static long Number(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
