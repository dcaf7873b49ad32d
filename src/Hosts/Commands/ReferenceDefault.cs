using RSerPool.Actors.Configuration;

namespace RSerPool.Hosts.Commands;

/// <summary>
/// Defaults shown in --help, read from hocon/reference.conf (<see cref="RSerPoolConfig.Default"/>) so that help never
/// repeats a literal that could drift from the configuration actually used.
/// </summary>
public static class ReferenceDefault
{
    /// <summary>"default VALUE" for the key (a list as its items joined by ", ", an empty list as "none").</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"default {Value(key)}";
    }

    /// <summary>The key's value in hocon/reference.conf as text.</summary>
    public static string Value(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = RSerPoolConfig.Default.GetValue(key) ?? throw new ArgumentException($"{key} is not in hocon/reference.conf", nameof(key));
        if (value.IsArray())
        {
            var items = value.GetArray().Select(item => item.GetString()).ToArray();
            return items.Length == 0 ? "none" : string.Join(", ", items);
        }

        return value.GetString() is { Length: > 0 } text ? text : "none";
    }
}
