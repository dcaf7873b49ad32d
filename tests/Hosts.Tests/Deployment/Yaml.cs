using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using Xunit;

namespace RSerPool.Hosts.Tests.Deployment;

/// <summary>YAML files as plain objects (YamlDotNet: mappings, lists, scalar strings; merge keys resolved) and typed access to them.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of <paramref name="file"/>; a syntax error fails the test with YamlDotNet's line and column.</summary>
    public static List<object> LoadAll(string file)
    {
        using var reader = new StreamReader(file);
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> Map(object? node) => Assert.IsType<Dictionary<object, object>>(node);

    public static List<object> List(object? node) => Assert.IsType<List<object>>(node);

    public static string String(object? node) => Convert.ToString(Assert.IsType<string>(node), CultureInfo.InvariantCulture)!;

    public static List<string> Strings(object? node) => List(node).Select(String).ToList();
}
