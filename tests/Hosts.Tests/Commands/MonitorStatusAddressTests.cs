using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Commands;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary><c>monitor --status</c> takes HOST:PORT (a host name too) or http://HOST:PORT; nothing else, and never a stack trace.</summary>
public sealed class MonitorStatusAddressTests
{
    [Theory]
    [InlineData("localhost:8080", "http://localhost:8080/status")]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080/status")]
    [InlineData("[::1]:8080", "http://[::1]:8080/status")]
    [InlineData("http://localhost:8080", "http://localhost:8080/status")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/status")]
    public void Host_port_and_url_forms_give_the_status_address(string text, string expected) =>
        Assert.Equal(new Uri(expected), MonitorCommand.StatusAddress(text));

    [Theory]
    [InlineData("ftp://localhost:1")]
    [InlineData("http://")]
    [InlineData("::")]
    public void Other_text_is_a_usage_error_naming_the_flag(string text)
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => MonitorCommand.StatusAddress(text));
        Assert.Equal("--status", error.Key);

        var run = CommandRun.Of("monitor", "--status", text);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("rserpool monitor: --status: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_name_form_with_nothing_listening_is_one_line_and_exit_1()
    {
        var run = CommandRun.Of("monitor", "--status", "localhost:1");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("rserpool monitor: http://localhost:1/status: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(run.HasStackTrace);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_count_below_1_is_a_usage_error(string count)
    {
        var run = CommandRun.Of("monitor", "--status", "127.0.0.1:1", "--watch", "1s", "--count", count);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"rserpool monitor: --count: {count} is not a count of at least 1", run.Error.Trim());
    }
}
