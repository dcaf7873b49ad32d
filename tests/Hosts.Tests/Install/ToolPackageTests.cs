using System.Reflection;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Install;

/// <summary>
/// README "Install": the Release build packs as the .NET tool RSerPool.Tool (`dotnet pack`, no second build), which
/// `dotnet tool install` installs as `rserpool`; the installed command prints the build's version and its help.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_release_build_packs_installs_and_runs_as_the_rserpool_tool()
    {
        string temp = Directory.CreateTempSubdirectory("rserpool-tool-").FullName;
        try
        {
            string feed = Path.Combine(temp, "feed");
            string tools = Path.Combine(temp, "tools");
            // A package cache of its own: a RSerPool.Tool of the same version cached by an earlier run is not taken.
            var environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(temp, "packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            };
            string project = Path.Combine(RepositoryRoot.Path, "src", "Hosts", "RSerPool.Hosts.csproj");

            var pack = await ProcessRun.RunAsync("dotnet", ["pack", project, "-c", "Release", "--no-build", "--no-restore", "-o", feed, "-nologo"], Limit);
            Assert.True(pack.ExitCode == 0, pack.Output);
            var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
            Assert.Matches(@"RSerPool\.Tool\.\d+\.\d+\.\d+\.nupkg$", package);

            var install = await ProcessRun.RunAsync("dotnet",
                ["tool", "install", "--tool-path", tools, "--add-source", feed, "--ignore-failed-sources", "RSerPool.Tool"], Limit, temp, environment);
            Assert.True(install.ExitCode == 0, install.Output);

            string rserpool = Path.Combine(tools, "rserpool");
            var version = await ProcessRun.RunAsync(rserpool, ["--version"], TimeSpan.FromSeconds(30));
            Assert.Equal(0, version.ExitCode);
            string built = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.Equal(built, version.Output.Trim());

            var help = await ProcessRun.RunAsync(rserpool, ["registrar", "--help"], TimeSpan.FromSeconds(30));
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("rserpool registrar [options]", help.Output, StringComparison.Ordinal);
            Assert.Contains("--log-format", help.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
