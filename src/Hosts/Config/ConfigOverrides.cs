using System.Text;

namespace RSerPool.Hosts.Config;

/// <summary>
/// The command-line flags of one run as configuration keys: the top layer over the --config files. Remembers which
/// flag set each key, so that an error about the key names the flag.
/// </summary>
public sealed class ConfigOverrides
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _flags = new(StringComparer.Ordinal);

    /// <summary>Sets <paramref name="key"/> to the string <paramref name="value"/>; nothing when the flag was not given (null).</summary>
    public ConfigOverrides Set(string key, string? value, string flag)
    {
        if (value is not null)
        {
            _values[key] = Quote(value);
            _flags[key] = flag;
        }

        return this;
    }

    /// <summary>Sets <paramref name="key"/> to a list of strings; nothing when the flag was not given (null or empty).</summary>
    public ConfigOverrides SetList(string key, IReadOnlyCollection<string>? values, string flag)
    {
        if (values is { Count: > 0 })
        {
            _values[key] = $"[{string.Join(", ", values.Select(Quote))}]";
            _flags[key] = flag;
        }

        return this;
    }

    /// <summary>The flag that set <paramref name="key"/>; null when none did.</summary>
    public string? FlagOf(string key) => _flags.GetValueOrDefault(key);

    /// <summary>The keys as HOCON text, every value quoted.</summary>
    public string ToHocon()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _values)
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary><paramref name="value"/> as a quoted HOCON string.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    quoted.Append('\\').Append(c);
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\r':
                    quoted.Append("\\r");
                    break;
                case '\t':
                    quoted.Append("\\t");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
