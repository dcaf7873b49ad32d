using System.Text;
using System.Text.Json;

namespace RSerPool.Hosts.Commands.Decode;

/// <summary>Writes a field tree as indented text (for people) or as JSON (for tools).</summary>
public static class FieldTreePrinter
{
    public static string ToText(string title, IReadOnlyList<FieldNode> fields)
    {
        var sb = new StringBuilder();
        sb.AppendLine(title);
        foreach (var field in fields)
        {
            AppendText(sb, field, depth: 1);
        }
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, FieldNode node, int depth)
    {
        sb.Append(' ', depth * 2).Append(node.Name).Append(':');
        if (node.IsScalar)
        {
            sb.Append(' ').AppendLine(node.Text);
            return;
        }
        if (node.Children.Count == 0)
        {
            sb.AppendLine(node.IsList ? " (none)" : "");
            return;
        }
        sb.AppendLine();
        foreach (var child in node.Children)
        {
            AppendText(sb, child, depth + 1);
        }
    }

    public static string ToJson(IReadOnlyDictionary<string, object> header, IReadOnlyList<FieldNode> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in header)
            {
                writer.WritePropertyName(key);
                WriteScalar(writer, value);
            }
            writer.WritePropertyName("fields");
            WriteObject(writer, fields);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<FieldNode> fields)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            WriteNode(writer, field);
        }
        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, FieldNode node)
    {
        if (node.IsScalar)
        {
            WriteScalar(writer, node.JsonValue!);
        }
        else if (node.IsList)
        {
            writer.WriteStartArray();
            foreach (var child in node.Children)
            {
                WriteNode(writer, child);
            }
            writer.WriteEndArray();
        }
        else
        {
            WriteObject(writer, node.Children);
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
