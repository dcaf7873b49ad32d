namespace RSerPool.Hosts.Tests.Config;

/// <summary>A configuration file in the temp directory for one test; deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        System.IO.File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => System.IO.File.Delete(Path);
}
