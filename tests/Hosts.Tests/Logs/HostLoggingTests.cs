using System.Text.Json;
using RSerPool.Hosts.Config;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace RSerPool.Hosts.Tests.Logs;

/// <summary>The hosts' Serilog pipeline (src/Hosts/HostLogging.cs) with a collecting sink in place of the console.</summary>
public sealed class HostLoggingTests
{
    private static readonly LoggingConfig Text = new(LogFormat.Text, null, RollingInterval.Day, null, null);

    [Fact]
    public void A_duration_is_written_in_ms_not_as_a_timespan_in_text_and_json()
    {
        foreach (var format in new[] { LogFormat.Text, LogFormat.Json })
        {
            var sink = new CollectingSink(format);
            using (var logger = HostLogging.Create(LogEventLevel.Information, Text with { Format = format }, sink))
            {
                logger.Information("retrying in {Delay}", TimeSpan.FromMilliseconds(250));
            }

            string line = Assert.Single(sink.Lines);
            Assert.Contains("250 ms", line, StringComparison.Ordinal);
            Assert.DoesNotContain("00:00:00.25", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_is_one_clef_event_per_line_with_level_template_and_properties()
    {
        var sink = new CollectingSink(LogFormat.Json);
        using (var logger = HostLogging.Create(LogEventLevel.Information, Text with { Format = LogFormat.Json }, sink))
        {
            logger.Warning("PE {Id} in {Pool}\nrejected", "0x1", "EchoPool");
            logger.Information("ready");
        }

        Assert.Equal(2, sink.Lines.Count);
        using var warning = JsonDocument.Parse(sink.Lines[0]);
        Assert.Equal("Warning", warning.RootElement.GetProperty("@l").GetString());
        Assert.Equal("PE {Id} in {Pool}\nrejected", warning.RootElement.GetProperty("@mt").GetString());
        Assert.Equal("EchoPool", warning.RootElement.GetProperty("Pool").GetString());
        Assert.EndsWith("Z", warning.RootElement.GetProperty("@t").GetString(), StringComparison.Ordinal);
        using var info = JsonDocument.Parse(sink.Lines[1]);
        Assert.False(info.RootElement.TryGetProperty("@l", out _)); // CLEF: Information is the level left out
    }

    [Fact]
    public void Text_lines_carry_the_date_and_utc_offset()
    {
        var sink = new CollectingSink(LogFormat.Text);
        using (var logger = HostLogging.Create(LogEventLevel.Information, Text, sink))
        {
            logger.Information("ready");
        }

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d \[INF\] ready \{\}$", Assert.Single(sink.Lines));
    }

    [Fact]
    public void Rolling_settings_are_read_from_hocon_and_a_bad_one_is_named()
    {
        var config = HostConfig.Load([], new ConfigOverrides()
            .Set("rserpool.logging.file-rolling.size-limit", "1KiB", "--x")
            .Set("rserpool.logging.file-rolling.interval", "hour", "--x")
            .Set("rserpool.logging.file-rolling.retained-files", "3", "--x"));
        Assert.Equal(new LoggingConfig(LogFormat.Text, null, RollingInterval.Hour, 1024, 3), config.Logging);

        var defaults = HostConfig.Load([]).Logging;
        Assert.Equal(new LoggingConfig(LogFormat.Text, null, RollingInterval.Day, 100L * 1024 * 1024, 14), defaults);

        var bad = Assert.Throws<RSerPool.Actors.Configuration.RSerPoolConfigException>(() =>
            HostConfig.Load([], new ConfigOverrides().Set("rserpool.logging.file-rolling.interval", "weekly", "--x")));
        Assert.Contains("rserpool.logging.file-rolling.interval", bad.Message, StringComparison.Ordinal);
        var format = Assert.Throws<RSerPool.Actors.Configuration.RSerPoolConfigException>(() =>
            HostConfig.Load([], new ConfigOverrides().Set(LoggingConfig.FormatKey, "xml", "--log-format")));
        Assert.Contains("--log-format", format.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registrar", "--asap", "127.0.0.1:0")]
    [InlineData("terminal", "--pool", "EchoPool")]
    public void A_log_file_that_cannot_be_written_exits_2_naming_the_flag(params string[] command)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // /proc takes no new directories, even for root.
        int exit = Program.Run([.. command, "--log-file", "/proc/rserpool-no-such-dir/registrar.log"], TextReader.Null, stdout, stderr);

        Assert.Equal(2, exit);
        string error = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rserpool: rserpool.logging.file: cannot write the log file /proc/rserpool-no-such-dir/registrar.log: ", error, StringComparison.Ordinal);
        Assert.EndsWith("(set by --log-file)", error, StringComparison.Ordinal);
    }
}
