using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Wirecheck;

/// <summary>
/// Whether the wirecheck tool (docs/protocol-notes.md §15) can run here: the script itself, python3 to run it,
/// and the tshark and text2pcap programs it calls.
/// </summary>
public static class WirecheckTool
{
    private static readonly Lazy<string?> MissingReason = new(FindMissingPrerequisite);

    /// <summary>Null when the tool can run; otherwise why the wirecheck tests are skipped.</summary>
    public static string? WhyUnavailable => MissingReason.Value;

    /// <summary>Full path of the wirecheck script (valid when <see cref="WhyUnavailable"/> is null).</summary>
    public static string ScriptPath => RepositoryPaths.WirecheckPath ?? "wirecheck";

    private static string? FindMissingPrerequisite()
    {
        if (RepositoryPaths.RepositoryRoot is null)
        {
            return "wirecheck skipped: RSerPool.sln not found above " + AppContext.BaseDirectory;
        }

        string script = RepositoryPaths.WirecheckPath!;
        if (!File.Exists(script))
        {
            return $"wirecheck skipped: {script} is absent (it ships in ../shared next to the clone)";
        }

        foreach (string program in new[] { "python3", "tshark", "text2pcap" })
        {
            if (ExecutableSearch.FindOnPath(program) is null)
            {
                return $"wirecheck skipped: '{program}' is not on PATH (install the Debian package tshark)";
            }
        }

        return null;
    }
}
