using System.Reflection;

namespace RSerPool.Hosts;

/// <summary>
/// The version of this build, from one place: &lt;Version&gt; in Directory.Build.props; the SDK appends the git commit
/// to the informational version (<c>1.2.3+&lt;sha&gt;</c>), which <c>rserpool --version</c> prints.
/// </summary>
public static class BuildVersion
{
    private static readonly string Informational =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without build metadata, e.g. <c>1.2.3</c>.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit's first 7 hex digits, or null when the build had no git commit.</summary>
    public static string? Commit =>
        Informational.Split('+') is [_, var sha, ..] && sha.Length > 0 ? sha[..Math.Min(7, sha.Length)] : null;

    /// <summary><c>rserpool 1.2.3 (commit abc1234)</c>.</summary>
    public static string Describe() => Commit is { } commit ? $"rserpool {Version} (commit {commit})" : $"rserpool {Version}";
}
