using System.Text.RegularExpressions;
using System.Xml.Linq;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Install;

/// <summary>
/// Every shell example of README.md and docs/operations.md (```sh blocks) runs as written as far as the command
/// tree goes: each `rserpool` command (installed, or through `dotnet run --project src/Hosts --` or the built dll) names
/// a subcommand and only flags its --help lists; scripts, projects and deploy files it names exist; the tool it
/// installs is the package src/Hosts packs.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    public static TheoryData<string> Documents => new("README.md", Path.Combine("docs", "operations.md"));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_shell_example_uses_commands_flags_and_files_that_exist(string document)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, document));
        var commands = ShellBlock().Matches(text).SelectMany(block => block.Groups[1].Value.Split('\n'))
            .SelectMany(Commands).ToList();
        Assert.NotEmpty(commands);

        int rserpool = 0;
        foreach (var words in commands)
        {
            string where = $"{document}: `{string.Join(' ', words)}`";
            if (RserpoolArguments(words) is { } arguments)
            {
                rserpool++;
                if (arguments.Count > 0 && arguments[0].StartsWith("--", StringComparison.Ordinal))
                {
                    Assert.All(arguments, flag => Assert.Contains(flag, RootHelp(), StringComparison.Ordinal));
                }
                else
                {
                    CommandHelp.AssertFlagsExist(where, arguments);
                }
            }
            else
            {
                CheckOtherCommand(where, words);
            }
        }

        Assert.True(rserpool > 0, $"{document}: no rserpool example found");
    }

    // The rserpool arguments of a command line, or null when it runs something else.
    private static List<string>? RserpoolArguments(IReadOnlyList<string> words)
    {
        if (words[0] == "rserpool" || words[0].EndsWith("/rserpool", StringComparison.Ordinal))
        {
            return words.Skip(1).ToList();
        }

        if (words is ["dotnet", "run", ..] && words.Contains("src/Hosts"))
        {
            int separator = words.ToList().IndexOf("--");
            Assert.True(separator > 0, $"`{string.Join(' ', words)}` passes no arguments after --");
            return words.Skip(separator + 1).ToList();
        }

        return words is ["dotnet", var dll, ..] && dll.EndsWith("rserpool.dll", StringComparison.Ordinal) ? words.Skip(2).ToList() : null;
    }

    private static void CheckOtherCommand(string where, IReadOnlyList<string> words)
    {
        switch (words)
        {
            case [var script, ..] when script.StartsWith("scripts/", StringComparison.Ordinal):
                Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, script)), $"{where}: no {script}");
                break;
            case ["dotnet", "run", ..]:
                string project = words[words.ToList().IndexOf("--project") + 1];
                Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, project)), $"{where}: no {project}");
                break;
            case ["dotnet", "build" or "pack", var target, ..]:
                Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, target)) || Directory.Exists(Path.Combine(RepositoryRoot.Path, target)), $"{where}: no {target}");
                break;
            case ["dotnet", "tool", "install" or "update", ..]:
                Assert.Equal(PackageId(), words[^1]);
                break;
            case ["source", var script]:
                string relative = script[(script.IndexOf("deploy/", StringComparison.Ordinal))..];
                Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, relative)), $"{where}: no {relative}");
                break;
            case ["install", ..]:
                Assert.All(words.Where(w => w.StartsWith("deploy/", StringComparison.Ordinal)),
                    file => Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, file)), $"{where}: no {file}"));
                break;
            default:
                break; // echo, jq, systemctl, journalctl, autoload, export: not ours
        }
    }

    // The commands of one shell line: comments and a trailing & dropped, split at |, && and ;, sudo dropped.
    private static IEnumerable<IReadOnlyList<string>> Commands(string line)
    {
        string code = Comment().Replace(line, string.Empty).Trim().TrimEnd('&').Trim();
        foreach (string part in code.Split(["&&", "|", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = Word().Matches(part).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToList();
            if (words is ["sudo", ..])
            {
                words.RemoveAt(0);
            }

            if (words.Count > 0)
            {
                yield return words;
            }
        }
    }

    private static string RootHelp()
    {
        using var stdout = new StringWriter();
        Assert.Equal(0, Program.Run(["--help"], TextReader.Null, stdout, new StringWriter()));
        return stdout.ToString();
    }

    private static string PackageId() =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "Hosts", "RSerPool.Hosts.csproj")).Descendants("PackageId").Single().Value;

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"""([^""]*)""|'[^']*'|\S+")]
    private static partial Regex Word();
}
