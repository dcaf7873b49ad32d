using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Install;

/// <summary>
/// deploy/completion/rserpool.bash (docs/operations.md "Shell completion") in a real bash: sourced as documented, its
/// completion function completes subcommands, flags and flag values by asking rserpool's [suggest] directive.
/// </summary>
public sealed class ShellCompletionTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "deploy", "completion", "rserpool.bash");
    private static readonly string Rserpool = Path.Combine(AppContext.BaseDirectory, "rserpool");

    [Theory]
    [InlineData("reg", "registrar")]
    [InlineData("registrar --log-f", "--log-file --log-format")]
    [InlineData("registrar --log-format ", "json text")]
    [InlineData("server --serv", "--service")]
    public async Task Bash_completes_from_rserpools_own_command_tree(string typed, string expected)
    {
        // What bash sets for a completion function at the end of the typed line (complete -F).
        const string Complete = """
            source "$1"
            COMP_LINE="$2 $3"
            COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _rserpool_complete
            echo "${COMPREPLY[*]}"
            complete -p rserpool
            """;
        var (exitCode, output) = await ProcessRun.RunAsync("bash", ["-c", Complete, "bash", Script, Rserpool, typed], TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines[0].Trim());
        Assert.Equal("complete -o default -F _rserpool_complete rserpool", lines[1].Trim());
    }
}
