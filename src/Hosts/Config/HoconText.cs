using System.Text;
using System.Text.RegularExpressions;
using Akka.Configuration.Hocon;

namespace RSerPool.Hosts.Config;

/// <summary>
/// Writes a merged HOCON value back as text that Akka's parser reads again (<c>rserpool config show</c>). Akka's own
/// <c>HoconValue.ToString</c> drops the quotes of an empty string and prints an empty list as "&lt;&lt;unknown value&gt;&gt;".
/// </summary>
public static partial class HoconText
{
    /// <summary><paramref name="value"/> under <paramref name="key"/>, objects as nested blocks, two spaces per level.</summary>
    public static string Write(string key, HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder();
        Write(text, key, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, string key, HoconValue value, int depth)
    {
        text.Append(' ', depth * 2).Append(Key(key));
        if (value.IsObject())
        {
            text.Append(" {\n");
            foreach (var (child, childValue) in value.GetObject().Items)
            {
                Write(text, child, childValue, depth + 1);
            }

            text.Append(' ', depth * 2).Append("}\n");
            return;
        }

        text.Append(" = ").Append(Scalar(value)).Append('\n');
    }

    private static string Scalar(HoconValue value)
    {
        if (value.IsArray())
        {
            return $"[{string.Join(", ", value.GetArray().Select(Scalar))}]";
        }

        // An object in a list (rserpool.acl.rules) is written inline.
        if (value.IsObject())
        {
            return $"{{ {string.Join(", ", value.GetObject().Items.Select(item => $"{Key(item.Key)} = {Scalar(item.Value)}"))} }}";
        }

        // Akka's IsArray is false for an empty list, whose string is null.
        return value.GetString() is { } s ? Quoted(s) : "[]";
    }

    // Bare words (numbers, durations, on/off, identifiers) stay bare; anything else is quoted.
    private static string Quoted(string s) => BareWord().IsMatch(s) ? s : ConfigOverrides.Quote(s);

    private static string Key(string key) => BareWord().IsMatch(key) && !key.Contains('.', StringComparison.Ordinal) ? key : ConfigOverrides.Quote(key);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex BareWord();
}
