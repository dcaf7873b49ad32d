using System.Text.RegularExpressions;
using RSerPool.Actors.Configuration;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>Issue 16 item 7: placeholders name the value, defaults come from hocon/reference.conf.</summary>
public sealed partial class HelpTextTests
{
    [Theory]
    [InlineData("registrar")]
    [InlineData("server")]
    [InlineData("terminal")]
    [InlineData("fetch")]
    [InlineData("monitor")]
    [InlineData("decode")]
    [InlineData("config", "show")]
    public void No_placeholder_repeats_its_option_name(params string[] command)
    {
        var run = CommandRun.Of([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Options:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(RepeatedName(), run.Output);
    }

    [Fact]
    public void The_registrar_help_shows_the_limit_defaults_of_the_reference()
    {
        string help = CommandRun.Of("registrar", "--help").Output;

        Assert.Contains("--asap <HOST:PORT>", help, StringComparison.Ordinal);
        Assert.Matches($@"--max-pools <N> +most pools held, at least 1 \(default {RSerPoolConfig.Default.GetInt("rserpool.registrar.limits.max-pools")}\)", help);
        Assert.Contains($"(default {RSerPoolConfig.Default.GetInt("rserpool.registrar.limits.max-pes-per-pool")})", help, StringComparison.Ordinal);
        Assert.Contains($"(default {RSerPoolConfig.Default.GetInt("rserpool.registrar.max-handle-resolution-rate")}; 0 = unlimited", help, StringComparison.Ordinal);
        Assert.Contains($"default {RSerPoolConfig.Default.GetString("rserpool.registrar.enrp.transport")}", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_help_shows_the_registrar_transport_default_of_the_reference()
    {
        string help = CommandRun.Of("terminal", "--help").Output;

        Assert.Equal("auto", RSerPoolConfig.Default.GetString("rserpool.registrar-client.transport"));
        Assert.Matches(@"--registrar-transport <tcp\|sctp\|auto> +.*; default auto", help);
        Assert.DoesNotContain("(tcp)", help, StringComparison.Ordinal);
    }

    // "--asap <asap>": the option's name again where its value's form belongs.
    [GeneratedRegex(@"--([a-z-]+) <\1>")]
    private static partial Regex RepeatedName();
}
