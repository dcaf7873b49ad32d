using System.Text.RegularExpressions;
using Xunit;

namespace RSerPool.Hosts.Tests.Support;

/// <summary>`rserpool SUBCOMMAND --help` in process, and checks that documented command lines use only its flags.</summary>
public static class CommandHelp
{
    public static readonly IReadOnlySet<string> Subcommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "registrar", "server", "terminal", "fetch", "monitor", "decode", "config", "certs",
    };

    /// <summary>Subcommands with subcommands of their own: their flags are in the inner command's help.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Nested = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["config"] = ["check", "show"],
        ["certs"] = ["create"],
    };

    public static string Of(params string[] command)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, Program.Run([.. command, "--help"], TextReader.Null, stdout, stderr));
        return stdout.ToString();
    }

    /// <summary>Each <c>--flag</c> of <paramref name="arguments"/> (the words after <c>rserpool</c>) is in its subcommand's help.</summary>
    public static void AssertFlagsExist(string where, IReadOnlyList<string> arguments)
    {
        Assert.True(arguments.Count > 0 && Subcommands.Contains(arguments[0]), $"{where}: `rserpool {string.Join(' ', arguments)}` names no subcommand");
        string help = Nested.TryGetValue(arguments[0], out string[]? inner)
            ? Of(arguments[0], Assert.Single(inner, name => arguments.Count > 1 && arguments[1] == name))
            : Of(arguments[0]);
        foreach (string token in arguments.Where(token => token.StartsWith("--", StringComparison.Ordinal)))
        {
            string flag = token.Split('=')[0];
            Assert.True(Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(flag)}(?=[\s,<])", RegexOptions.Multiline),
                $"{where}: `rserpool {arguments[0]} --help` has no {flag}");
        }
    }
}
