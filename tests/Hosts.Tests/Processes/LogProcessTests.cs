using System.Text.Json;
using System.Text.RegularExpressions;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// The real processes' logs (src/Hosts/HostLogging.cs, rserpool.logging): --log-format json parses line by line with
/// Akka's events carrying their actor path (Akka.Logger.Serilog on Serilog 4), --log-file rolls, the first line names
/// the build, and text lines write values for people, not record dumps.
/// </summary>
public sealed class LogProcessTests
{
    private const string FirstLine = @"rserpool \d+\.\d+\.\d+ \(commit [0-9a-f]{7}\) registrar starting";

    private static RserpoolProcess StartRegistrar(params string[] extra) =>
        RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off", .. extra]);

    [Fact]
    public async Task Json_log_parses_line_by_line_and_an_actors_event_carries_its_actor_path()
    {
        await using var registrar = StartRegistrar("--log-format", "json");
        await registrar.WaitForLineAsync("ready: ASAP on");
        registrar.Signal();
        Assert.Equal(0, await registrar.WaitForExitAsync());

        var events = registrar.Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        Assert.All(events, e =>
        {
            Assert.True(DateTimeOffset.TryParse(e.GetProperty("@t").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("@mt").GetString()));
            if (e.TryGetProperty("@l", out var level))
            {
                Assert.Contains(level.GetString(), new[] { "Warning", "Error", "Fatal" });
            }
        });
        Assert.Matches(@"^rserpool \d+\.\d+\.\d+ \(commit [0-9a-f]{7}\)$", events[0].GetProperty("Build").GetString());
        Assert.Equal("registrar", events[0].GetProperty("Command").GetString());
        var serving = Assert.Single(events, e => e.GetProperty("@mt").GetString()!.Contains("serving ASAP on TCP", StringComparison.Ordinal));
        Assert.Equal("akka://rserpool-registrar/user/registrar", serving.GetProperty("ActorPath").GetString());
        Assert.True(serving.TryGetProperty("ServerId", out _));
    }

    [Fact]
    public async Task The_log_file_is_written_and_rolled_by_size_keeping_the_configured_count()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"rserpool-logs-{Guid.NewGuid():N}");
        using var config = Config.TestConfig.File("rserpool.logging.file-rolling { size-limit = 300, retained-files = 2 }");
        try
        {
            await using var registrar = StartRegistrar("--config", config.Path, "--log-file", Path.Combine(directory, "registrar.log"));
            await registrar.WaitForLineAsync("ready: ASAP on");
            registrar.Signal();
            Assert.Equal(0, await registrar.WaitForExitAsync());

            // Each start-up line is ~150-300 bytes: the file rolled several times and only the newest 2 are left.
            var files = Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(2, files.Length);
            Assert.All(files, f => Assert.Matches(@"^registrar\d{8}(_\d{3})?\.log$", f));
            string newest = await File.ReadAllTextAsync(Path.Combine(directory, files[^1]));
            Assert.Contains("rserpool-registrar: shutting down", newest, StringComparison.Ordinal);
            Assert.Contains("rserpool-registrar: shutting down", registrar.Output, StringComparison.Ordinal); // the console keeps them too
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_first_line_names_the_build_and_text_lines_hold_no_record_dumps()
    {
        await using var registrar = StartRegistrar();
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)");
        await using var server = RserpoolProcess.Start("server", "--registrar", ready.Groups[1].Value, "--asap-announce", "off", "--local", "127.0.0.1:0",
            "--policy", "WeightedRoundRobin:5", "--registrar-transport", "tcp", "--transport", "tcp");
        await registrar.WaitForLineAsync("registered in EchoPool");
        server.Signal();
        Assert.Equal(0, await server.WaitForExitAsync());
        await registrar.WaitForLineAsync("removed from EchoPool");
        registrar.Signal();
        Assert.Equal(0, await registrar.WaitForExitAsync());

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d \[INF\] " + FirstLine, registrar.Lines[0]);
        // A record's compiler-made ToString ("TcpTransport { Port = 7, ... }") is what a dump looks like.
        var dump = new Regex(@"\w \{ \w+ = ");
        var lines = registrar.Lines.Concat(server.Lines).ToArray();
        Assert.DoesNotContain(lines, line => dump.IsMatch(line));
        Assert.DoesNotContain(lines, line => Regex.IsMatch(line, @"\b00:00:\d\d\.\d{7}\b")); // a TimeSpan's ToString
        Assert.Single(registrar.Lines, line => Regex.IsMatch(line, @"registered in EchoPool from 127\.0\.0\.1:\d+ \(WeightedRoundRobin:5, 127\.0\.0\.1:\d+/tcp\)"));
        Assert.Single(server.Lines, line => Regex.IsMatch(line, @"joining pool EchoPool with 127\.0\.0\.1:\d+/tcp"));
    }
}
