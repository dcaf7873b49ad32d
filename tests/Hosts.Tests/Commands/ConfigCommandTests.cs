using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Tests.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary><c>rserpool config check FILE...</c> and <c>rserpool config show</c> (issue 16).</summary>
public sealed class ConfigCommandTests
{
    [Fact]
    public void Check_prints_ok_and_exits_0_for_a_good_file()
    {
        using var file = new TempFile("rserpool.registrar { keep-alive-interval = 2s, limits.max-pools = 10 }");

        var run = CommandRun.Of("config", "check", file.Path);

        Assert.Equal((0, "ok\n", ""), (run.ExitCode, run.Output.ReplaceLineEndings("\n"), run.Error));
    }

    [Fact]
    public void Check_lists_every_unknown_key_with_a_suggestion_and_exits_2()
    {
        using var file = new TempFile("""
            rserpool.registrar.keep-alive-intervall = 2s
            rserpool.registrar.max-pools = 4
            """);

        var run = CommandRun.Of("config", "check", file.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line => line.Contains("'rserpool.registrar.keep-alive-intervall'; did you mean 'rserpool.registrar.keep-alive-interval'?", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("'rserpool.registrar.max-pools'; did you mean 'rserpool.registrar.limits.max-pools'?", StringComparison.Ordinal));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Check_reports_bad_values_of_several_sections_each_naming_its_key_and_file()
    {
        using var file = new TempFile("""
            rserpool.registrar.limits.max-pools = -1
            rserpool.server.max-sessions = 0
            """);

        var run = CommandRun.Of("config", "check", file.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"'rserpool.registrar.limits.max-pools' must be an integer ≥ 1, not '-1' (set in {file.Path})", run.Error, StringComparison.Ordinal);
        Assert.Contains("rserpool.server.max-sessions", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_missing_file_or_a_directory_exits_2_with_one_line_each()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");

        var run = CommandRun.Of("config", "check", missing, Path.GetTempPath());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(2, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"configuration file not found: {missing}", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public void Show_prints_the_merged_configuration_which_reads_back_the_same()
    {
        using var file = new TempFile("""
            rserpool.registrar { keep-alive-interval = 2s, asap = "127.0.0.1:7000" }
            rserpool.cluster.seeds = []
            """);

        var shown = CommandRun.Of("config", "show", "--config", file.Path);

        Assert.Equal(0, shown.ExitCode);
        Assert.StartsWith("rserpool {", shown.Output, StringComparison.Ordinal);
        Assert.Contains("keep-alive-interval = 2s", shown.Output, StringComparison.Ordinal);
        Assert.Contains("asap = \"127.0.0.1:7000\"", shown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("akka {", shown.Output, StringComparison.Ordinal);

        // What show prints is a configuration file: checked ok and read back to the same settings.
        using var again = new TempFile(shown.Output);
        Assert.Equal("ok", CommandRun.Of("config", "check", again.Path).Output.Trim());
        var settings = RSerPool.Hosts.Config.HostConfig.Load([again.Path]).Read(RegistrarConfig.Read);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.KeepAliveInterval);
        Assert.Equal(7000, settings.AsapEndPoint.Port);
    }

    [Fact]
    public void Show_with_a_bad_file_exits_2()
    {
        using var file = new TempFile("rserpool.registrar.bogus = 1");

        var run = CommandRun.Of("config", "show", "--config", file.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("rserpool config show: ", run.Error, StringComparison.Ordinal);
    }
}
