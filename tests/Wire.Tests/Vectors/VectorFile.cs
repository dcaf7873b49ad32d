using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Vectors;

/// <summary>One test vector: <c>NAME.hex</c> (one message) and <c>NAME.txt</c> (its explanation), as copied
/// into the test output directory. The protocol is the file name prefix (tests/Wire.Tests/Vectors/INDEX.md).</summary>
public sealed class VectorFile
{
    private VectorFile(string name)
    {
        Name = name;
        Bytes = Hex.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.VectorDirectory, name + ".hex")));
        Text = File.ReadAllLines(Path.Combine(RepositoryPaths.VectorDirectory, name + ".txt"));
        Fields = VectorDescription.Parse(Text);
    }

    public string Name { get; }

    public bool IsAsap => Name.StartsWith("asap-", StringComparison.Ordinal);

    public bool IsEnrp => Name.StartsWith("enrp-", StringComparison.Ordinal);

    public byte[] Bytes { get; }

    public IReadOnlyList<string> Text { get; }

    public IReadOnlyList<VectorField> Fields { get; }

    public static VectorFile Load(string name) => new(name);

    /// <summary>Names (without extension) of every vector shipped with the tests.</summary>
    public static IEnumerable<string> AllNames() =>
        Directory.EnumerateFiles(RepositoryPaths.VectorDirectory, "*.hex")
            .Select(path => Path.GetFileNameWithoutExtension(path)!)
            .Order(StringComparer.Ordinal);

    /// <summary>xunit member data: one row per vector name.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in AllNames())
        {
            data.Add(name);
        }

        return data;
    }
}
