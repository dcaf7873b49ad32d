namespace RSerPool.Hosts.Tests.Support;

/// <summary>The clone the tests were built from: the folder holding RSerPool.sln above the test output.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RSerPool.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no RSerPool.sln above {AppContext.BaseDirectory}: these tests run from a clone's build output");
    }
}
