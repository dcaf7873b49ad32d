using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 16 items 1 and 2: the one-shot clients never hang and never lose data. Pointed at a dead registrar (or SCTP
/// on a kernel without it) `terminal` and `fetch` end within --give-up-after with exit 1 and one line naming what they
/// tried and what to do; a failed fetch leaves an existing target as it was and creates no file.
/// </summary>
public sealed class ClientGiveUpProcessTests
{
    private const string GiveUpPattern = "^rserpool (terminal|fetch): no registrar reachable";

    // A loopback port nothing listens on: connecting is refused.
    private static string DeadRegistrar()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
    }

    private static async Task<(RserpoolProcess Process, string AsapEndPoint)> StartRegistrarAsync()
    {
        var process = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off");
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)");
        return (process, ready.Groups[1].Value);
    }

    [Fact]
    public async Task A_terminal_at_a_dead_registrar_gives_up_within_the_bound_with_one_line()
    {
        string dead = DeadRegistrar();
        var clock = Stopwatch.StartNew();
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", dead, "--asap-announce", "off", "--give-up-after", "2s");
        terminal.CloseInput();
        Assert.Equal(1, await terminal.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));

        string line = Assert.Single(terminal.LinesMatching(GiveUpPattern));
        Assert.Contains(dead, line, StringComparison.Ordinal);                // which registrar was tried
        Assert.Contains("Connection refused", line, StringComparison.Ordinal); // and why it failed
        Assert.Contains("--registrar HOST:PORT", line, StringComparison.Ordinal);
        Assert.Contains("--asap-announce", line, StringComparison.Ordinal);
        // No line per hunt attempt: the client's only word on the hunt is its last line.
        Assert.Empty(terminal.LinesMatching("hunt|no registrar of|WRN"));
    }

    [Fact]
    public async Task A_terminal_towards_registrars_over_sctp_gives_up_naming_the_transport()
    {
        // On a kernel without SCTP (this project's CI machine) every attempt fails at once; with SCTP the port is closed.
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", DeadRegistrar(), "--asap-announce", "off",
            "--registrar-transport", "sctp", "--give-up-after", "2s");
        terminal.CloseInput();
        Assert.Equal(1, await terminal.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        string line = Assert.Single(terminal.LinesMatching(GiveUpPattern));
        Assert.Contains("over SCTP", line, StringComparison.Ordinal);
        Assert.Contains("--registrar-transport tcp", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_for_a_pool_without_pes_exits_1_naming_the_pool_and_the_registrar()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        await using var terminal = RserpoolProcess.Start("terminal", "--registrar", endPoint, "--asap-announce", "off", "--pool", "NoSuchPool");
        terminal.CloseInput();
        Assert.Equal(1, await terminal.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        string line = Assert.Single(terminal.LinesMatching("^rserpool terminal: no PE of pool NoSuchPool"));
        Assert.Contains(endPoint, line, StringComparison.Ordinal);
        Assert.Contains("rserpool server --pool NoSuchPool", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fetch_without_any_registrar_gives_up_and_leaves_the_target_as_it_was()
    {
        string directory = Directory.CreateTempSubdirectory("rserpool-fetch-").FullName;
        try
        {
            string target = Path.Combine(directory, "precious.txt");
            await File.WriteAllTextAsync(target, "precious");
            await using var fetch = RserpoolProcess.Start("fetch", "--asap-announce", "off", "--give-up-after", "1s", "notes.txt", "-o", target);
            Assert.Equal(1, await fetch.WaitForExitAsync(TimeSpan.FromSeconds(20)));
            string line = Assert.Single(fetch.LinesMatching(GiveUpPattern));
            Assert.Contains("no registrar known", line, StringComparison.Ordinal);
            Assert.Equal("precious", await File.ReadAllTextAsync(target));
            Assert.Equal([target], Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_fetch_of_a_missing_file_leaves_an_existing_target_unchanged_and_creates_no_empty_file()
    {
        string served = Directory.CreateTempSubdirectory("rserpool-served-").FullName;
        string local = Directory.CreateTempSubdirectory("rserpool-local-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(served, "notes.txt"), "served notes");
            var (registrar, endPoint) = await StartRegistrarAsync();
            await using var _ = registrar;
            await using var server = RserpoolProcess.Start("server", "--service", "files", "--directory", served, "--registrar", endPoint,
                "--asap-announce", "off", "--local", "127.0.0.1:0");
            await server.WaitForLineAsync("server ready");

            string precious = Path.Combine(local, "precious.txt");
            await File.WriteAllTextAsync(precious, "precious");
            await using (var fetch = RserpoolProcess.Start("fetch", "--registrar", endPoint, "--asap-announce", "off", "missing.txt", "-o", precious))
            {
                Assert.Equal(1, await fetch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
                Assert.Contains($"{precious} left as it was", fetch.Output, StringComparison.Ordinal);
            }
            Assert.Equal("precious", await File.ReadAllTextAsync(precious));

            string absent = Path.Combine(local, "absent.txt");
            await using (var fetch = RserpoolProcess.Start("fetch", "--registrar", endPoint, "--asap-announce", "off", "missing.txt", "-o", absent))
            {
                Assert.Equal(1, await fetch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            }
            Assert.False(File.Exists(absent));
            Assert.Equal([precious], Directory.GetFiles(local)); // no temporary file left either

            // A complete fetch replaces the target.
            await using (var fetch = RserpoolProcess.Start("fetch", "--registrar", endPoint, "--asap-announce", "off", "notes.txt", "-o", precious))
            {
                Assert.Equal(0, await fetch.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            }
            Assert.Equal("served notes", await File.ReadAllTextAsync(precious));
            Assert.Equal([precious], Directory.GetFiles(local));
        }
        finally
        {
            Directory.Delete(served, recursive: true);
            Directory.Delete(local, recursive: true);
        }
    }
}
