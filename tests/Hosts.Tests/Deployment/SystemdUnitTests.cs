using System.Text.RegularExpressions;
using RSerPool.Actors.Configuration;
using RSerPool.Hosts.Config;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Deployment;

/// <summary>
/// deploy/systemd (docs/operations.md "systemd"): the registrar unit's command line and its environment file use
/// flags `rserpool registrar --help` has, its --config file loads, and `systemd-analyze verify` accepts the unit
/// (where systemd-analyze is installed).
/// </summary>
public sealed class SystemdUnitTests
{
    private static readonly string Systemd = Path.Combine(AppContext.BaseDirectory, "deploy", "systemd");
    private static readonly string Unit = Path.Combine(Systemd, "rserpool-registrar.service");

    [Fact]
    public void ExecStart_and_the_environment_file_use_only_flags_of_rserpool_registrar()
    {
        var exec = Arguments(Setting(File.ReadAllText(Unit), "ExecStart"));
        Assert.Equal("/opt/rserpool/rserpool", exec[0]);
        Assert.Equal("$RSERPOOL_REGISTRAR_ARGS", exec[^1]);
        CommandHelp.AssertFlagsExist("ExecStart", exec[1..^1]);

        var extra = Arguments(Setting(File.ReadAllText(Path.Combine(Systemd, "registrar.env")), "RSERPOOL_REGISTRAR_ARGS"));
        CommandHelp.AssertFlagsExist("registrar.env", ["registrar", .. extra]);
    }

    [Fact]
    public void The_units_config_file_loads_as_a_registrar_configuration()
    {
        var config = HostConfig.Load([Path.Combine(Systemd, "registrar.conf")]);
        var settings = config.Read(RegistrarConfig.Read);
        Assert.Equal(RegistrarConfig.AsapPort, settings.AsapEndPoint.Port);
        Assert.Equal(14, config.Logging.RetainedFiles);
    }

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit()
    {
        string? analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null)
        {
            return; // no systemd here: the flag checks above still run
        }

        // verify also checks that ExecStart's program exists: the unit as written, with an executable that does.
        string directory = Directory.CreateTempSubdirectory("rserpool-unit-").FullName;
        try
        {
            string copy = Path.Combine(directory, "rserpool-registrar.service");
            await File.WriteAllTextAsync(copy, (await File.ReadAllTextAsync(Unit)).Replace("/opt/rserpool/rserpool", "/usr/bin/env", StringComparison.Ordinal));
            var (exitCode, output) = await ProcessRun.RunAsync(analyze, ["verify", copy], TimeSpan.FromSeconds(60), directory);
            Assert.True(exitCode == 0 && output.Trim().Length == 0, $"systemd-analyze verify: exit {exitCode}\n{output}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Setting(string text, string name) =>
        Regex.Match(text, $@"^{name}=(.*)$", RegexOptions.Multiline) is { Success: true } match ? match.Groups[1].Value.Trim() : throw new InvalidOperationException($"no {name}=");

    private static string[] Arguments(string commandLine) => commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
