namespace RSerPool.Wire.Tests.Support;

/// <summary>Locates the repository and its sibling <c>shared/</c> folder from the test assembly directory.</summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "RSerPool.sln";

    /// <summary>The folder holding RSerPool.sln, or null when the tests run outside a clone.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>The wirecheck tool in the <c>shared/</c> folder next to the clone (docs/protocol-notes.md §15).</summary>
    public static string? WirecheckPath =>
        RepositoryRoot is null ? null : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "tools", "wirecheck"));

    /// <summary>The vectors copied next to the test assembly (tests/Wire.Tests/Vectors, see the csproj).</summary>
    public static string VectorDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Vectors");

    private static string? FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
