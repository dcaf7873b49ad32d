using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>
/// Issue 16 "bad values start broken nodes": each bad value ends the command with exit 2 and one line naming the flag
/// (or key) at fault, before any actor system starts.
/// </summary>
public sealed class BadValueCommandTests
{
    [Theory]
    [InlineData("--max-pools", "-1", "rserpool.registrar.limits.max-pools")]
    [InlineData("--max-pools", "0", "rserpool.registrar.limits.max-pools")]
    [InlineData("--max-pes-per-pool", "-5", "rserpool.registrar.limits.max-pes-per-pool")]
    [InlineData("--max-pes-per-association", "0", "rserpool.registrar.limits.max-pes-per-association")]
    [InlineData("--max-pool-handle-length", "-1", "rserpool.registrar.limits.max-pool-handle-length")]
    [InlineData("--max-hr-rate", "-1", "rserpool.registrar.max-handle-resolution-rate")]
    [InlineData("--max-eu-rate-per-host", "-0.5", "rserpool.registrar.max-endpoint-unreachable-rate-per-host")]
    [InlineData("--peer", "1.2.3", "rserpool.registrar.enrp.peers")]
    [InlineData("--peer", "10:9901", "rserpool.registrar.enrp.peers")]
    [InlineData("--enrp-allow", "10.0.0.0/33", "rserpool.registrar.enrp.allow")]
    [InlineData("--enrp-allow", "registrars.example", "rserpool.registrar.enrp.allow")]
    [InlineData("--asap", "1.2.3.256:1", "rserpool.registrar.asap")]
    public void A_registrar_with_a_bad_value_exits_2_naming_the_flag_and_key(string flag, string value, string key)
    {
        // Loopback and port 0 everywhere, so that a value wrongly accepted can bind nothing that matters.
        string[] args = flag == "--asap" ? ["registrar", "--asap-announce", "off", "--enrp", "off"] : ["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off"];
        var run = CommandRun.Of([.. args, flag, value]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains($"by {flag}", line, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace);
    }

    [Theory]
    [InlineData("WeightedRoundRobin", "needs a weight")]
    [InlineData("WeightedRoundRobin:0", "needs a weight")]
    [InlineData("weighted-random", "needs a weight")]
    [InlineData("Fastest", "unknown policy")]
    public void A_server_with_a_weighted_policy_without_a_weight_exits_2_naming_the_policy_flag(string policy, string why)
    {
        var run = CommandRun.Of("server", "--registrar", "127.0.0.1:1", "--policy", policy);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("rserpool server: --policy: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(why, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_files_server_whose_directory_is_missing_exits_2_naming_the_directory_flag()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"rserpool-missing-{Guid.NewGuid():N}");

        var run = CommandRun.Of("server", "--registrar", "127.0.0.1:1", "--service", "files", "--directory", missing);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"rserpool server: --directory: '{missing}' is not a directory", run.Error.Trim());
    }

    [Fact]
    public void A_misspelt_key_in_a_config_file_exits_2_suggesting_the_closest_known_key()
    {
        using var file = new Config.TempFile("rserpool.registrar.limits.max-pool = 5");

        var run = CommandRun.Of("registrar", "--config", file.Path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{file.Path}: unknown configuration key 'rserpool.registrar.limits.max-pool'; did you mean 'rserpool.registrar.limits.max-pools'?",
            run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_path_that_is_a_directory_exits_2_with_one_line_for_every_command()
    {
        string directory = Path.GetTempPath();
        foreach (string command in new[] { "registrar", "server", "terminal", "fetch" })
        {
            string[] args = command == "fetch" ? [command, "name", "--config", directory] : [command, "--config", directory];
            var run = CommandRun.Of(args);

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains($"configuration file {directory} is a directory", run.Error, StringComparison.Ordinal);
            Assert.False(run.HasStackTrace, run.Error);
        }
    }
}
