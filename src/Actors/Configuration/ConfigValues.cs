using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Typed reads of one key of an Akka <see cref="Config"/> that fail loudly: Akka's own getters return 0, "" or an empty
/// list for a missing or ill-typed key, which would silently replace a default of hocon/reference.conf.
/// </summary>
internal static class ConfigValues
{
    public static string String(Config config, string path)
    {
        var value = Value(config, path);
        return value.IsObject() || value.IsArray() ? throw Bad(path, "a single value", value) : value.GetString() ?? throw Bad(path, "a single value", value);
    }

    public static int Int(Config config, string path) =>
        int.TryParse(String(config, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(path, "an integer", Value(config, path));

    public static long Long(Config config, string path) =>
        long.TryParse(String(config, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(path, "an integer", Value(config, path));

    /// <summary>An integer ≥ 1 (limits and counts: 0 or less would refuse everything).</summary>
    public static int PositiveInt(Config config, string path)
    {
        int value = Int(config, path);
        return value >= 1 ? value : throw Bad(path, "an integer ≥ 1", Value(config, path));
    }

    /// <summary>An integer ≥ 0.</summary>
    public static int NonNegativeInt(Config config, string path)
    {
        int value = Int(config, path);
        return value >= 0 ? value : throw Bad(path, "an integer ≥ 0", Value(config, path));
    }

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int IntInRange(Config config, string path, int min, int max)
    {
        int value = Int(config, path);
        return value >= min && value <= max ? value : throw Bad(path, $"an integer from {min} to {max}", Value(config, path));
    }

    /// <summary>An integer from 0 to 4294967295 (identifiers, counts on the wire).</summary>
    public static uint UInt(Config config, string path) =>
        uint.TryParse(String(config, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(path, "an integer from 0 to 4294967295", Value(config, path));

    public static double Double(Config config, string path) =>
        double.TryParse(String(config, path), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(path, "a number", Value(config, path));

    /// <summary>A number ≥ 0 (rates; 0 switches the limit off).</summary>
    public static double NonNegativeDouble(Config config, string path)
    {
        double value = Double(config, path);
        return value >= 0 && double.IsFinite(value) ? value : throw Bad(path, "a number ≥ 0", Value(config, path));
    }

    /// <summary>A switch: on/off, true/false, yes/no.</summary>
    public static bool Bool(Config config, string path) =>
        String(config, path).Trim().ToLowerInvariant() switch
        {
            "on" or "true" or "yes" => true,
            "off" or "false" or "no" => false,
            _ => throw Bad(path, "on or off", Value(config, path)),
        };

    /// <summary>A HOCON duration as Akka reads it (500ms, 5s, 2m, 1.5s; a bare number is milliseconds); never negative or infinite.</summary>
    public static TimeSpan Duration(Config config, string path)
    {
        var value = Value(config, path);
        if (value.IsObject() || value.IsArray())
        {
            throw Bad(path, "a duration such as 500ms or 5s", value);
        }

        TimeSpan duration;
        try
        {
            duration = value.GetTimeSpan(allowInfinite: false);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or ConfigurationException)
        {
            throw Bad(path, "a duration such as 500ms or 5s", value);
        }

        return duration >= TimeSpan.Zero ? duration : throw Bad(path, "a duration such as 500ms or 5s", value);
    }

    /// <summary>A duration above zero (timeouts, intervals).</summary>
    public static TimeSpan PositiveDuration(Config config, string path)
    {
        var duration = Duration(config, path);
        return duration > TimeSpan.Zero ? duration : throw new RSerPoolConfigException(path, $"configuration key '{path}' must be a positive duration, not '{Value(config, path).GetString()}'");
    }

    /// <summary>A list of single values; <c>null</c> is the empty list.</summary>
    public static IReadOnlyList<string> StringList(Config config, string path)
    {
        var value = Value(config, path);
        if (value.IsArray())
        {
            return value.GetArray().Select(item => item.IsObject() || item.IsArray() ? throw Bad(path, "a list of strings", value) : item.GetString()).ToArray();
        }

        return IsNull(value) ? [] : throw Bad(path, "a list such as [\"127.0.0.1:3863\"]", value);
    }

    private static HoconValue Value(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        HoconValue? value;
        try
        {
            value = config.HasPath(path) ? config.GetValue(path) : null;
        }
        catch (Exception e) when (e is ConfigurationException or ArgumentException or InvalidOperationException)
        {
            throw new RSerPoolConfigException(path, $"configuration key '{path}' cannot be read: {e.Message}", e);
        }

        return value is null || value.IsEmpty ? throw new RSerPoolConfigException(path, $"missing configuration key '{path}'") : value;
    }

    private static bool IsNull(HoconValue value) => !value.IsObject() && value.GetString() is null or "null" or "";

    private static RSerPoolConfigException Bad(string path, string expected, HoconValue value)
    {
        string shown = value.IsObject() ? "an object" : value.IsArray() ? "a list" : value.GetString() is { } text ? $"'{text}'" : "null or an empty list";
        return new RSerPoolConfigException(path, $"configuration key '{path}' must be {expected}, not {shown}");
    }
}
