using System.Globalization;
using System.Text.RegularExpressions;
using RSerPool.Wire.Tests.Support;

namespace RSerPool.Wire.Tests.Vectors;

/// <summary>
/// Parser of the vectors' explanation files (tests/Wire.Tests/Vectors/*.txt): fixed columns Offset (0), Bytes (8),
/// Field (33, indented with ". " per nesting level) and Meaning (after two or more spaces).
/// Continuation lines are merged into the field they continue.
/// </summary>
public static partial class VectorDescription
{
    private const int BytesColumn = 8;
    private const int FieldColumn = 33;

    public static IReadOnlyList<VectorField> Parse(IEnumerable<string> lines)
    {
        var fields = new List<VectorField>();
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd();
            bool hasOffset = line.StartsWith("0x", StringComparison.Ordinal);
            bool isBracket = !hasOffset && line.Length > FieldColumn
                && line[..FieldColumn].Trim().Length == 0 && line[FieldColumn] is '.' or '[';
            if (!hasOffset && !isBracket)
            {
                continue;
            }

            Match field = FieldPattern().Match(line[FieldColumn..]);
            if (!field.Success)
            {
                throw new FormatException($"unreadable vector line: {line}");
            }

            int depth = field.Groups["dots"].Value.Length / 2;
            string name = field.Groups["name"].Value;
            string meaning = field.Groups["meaning"].Value;
            int offset = hasOffset ? int.Parse(line[2..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : -1;
            byte[] bytes = hasOffset ? Hex.Parse(line[BytesColumn..FieldColumn]) : [];
            var entry = new VectorField(depth, offset, bytes, name, meaning);

            if (entry.IsContinuation)
            {
                VectorField previous = fields[^1];
                fields[^1] = previous with { Bytes = [.. previous.Bytes, .. bytes] };
            }
            else
            {
                fields.Add(entry);
            }
        }

        return fields;
    }

    [GeneratedRegex(@"^(?<dots>(?:\. )*)\s*(?<name>\S.*?)(?:\s{2,}(?<meaning>.*))?$")]
    private static partial Regex FieldPattern();
}
