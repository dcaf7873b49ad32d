using Akka.Configuration;
using RSerPool.Actors.Configuration;
using Serilog;

namespace RSerPool.Hosts.Config;

/// <summary>
/// <c>rserpool.logging</c> of hocon/reference.conf: the format of the events and the optional rolling log file.
/// </summary>
/// <param name="Format">text or json (<c>--log-format</c>).</param>
/// <param name="File">The log file (<c>--log-file</c>), or null for the console only.</param>
/// <param name="Interval">How often the file rolls by time.</param>
/// <param name="SizeLimit">Bytes after which the file rolls, or null for no limit.</param>
/// <param name="RetainedFiles">Files kept, or null to keep all.</param>
public sealed record LoggingConfig(LogFormat Format, string? File, RollingInterval Interval, long? SizeLimit, int? RetainedFiles)
{
    public const string Section = "rserpool.logging";
    public const string FormatKey = Section + ".format";
    public const string FileKey = Section + ".file";
    private const string IntervalKey = Section + ".file-rolling.interval";
    private const string SizeLimitKey = Section + ".file-rolling.size-limit";
    private const string RetainedFilesKey = Section + ".file-rolling.retained-files";

    /// <summary>Reads the section; a bad value throws <see cref="RSerPoolConfigException"/> naming its key.</summary>
    public static LoggingConfig Read(Akka.Configuration.Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string formatText = Text(config, FormatKey).Trim();
        var format = formatText.ToLowerInvariant() switch
        {
            "text" => LogFormat.Text,
            "json" => LogFormat.Json,
            _ => throw new RSerPoolConfigException(FormatKey, $"{FormatKey}: '{formatText}' is not a log format (text or json)"),
        };

        string file = Text(config, FileKey).Trim();
        string intervalText = Text(config, IntervalKey).Trim();
        var interval = intervalText.ToLowerInvariant() switch
        {
            "minute" => RollingInterval.Minute,
            "hour" => RollingInterval.Hour,
            "day" => RollingInterval.Day,
            "month" => RollingInterval.Month,
            "year" => RollingInterval.Year,
            "infinite" or "never" => RollingInterval.Infinite,
            _ => throw new RSerPoolConfigException(IntervalKey, $"{IntervalKey}: '{intervalText}' is not a rolling interval (day, hour, minute, month, year or infinite)"),
        };

        long sizeLimit = ByteSize(config, SizeLimitKey);
        string retainedText = Text(config, RetainedFilesKey);
        if (!int.TryParse(retainedText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int retained))
        {
            throw new RSerPoolConfigException(RetainedFilesKey, $"{RetainedFilesKey}: '{retainedText}' is not a count of files");
        }

        if (retained < 0)
        {
            throw new RSerPoolConfigException(RetainedFilesKey, $"{RetainedFilesKey}: {retained} is negative (0 keeps all files)");
        }

        return new LoggingConfig(format, file.Length == 0 ? null : file, interval, sizeLimit == 0 ? null : sizeLimit, retained == 0 ? null : retained);
    }

    private static string Text(Akka.Configuration.Config config, string key)
    {
        try
        {
            return config.GetString(key) ?? throw new RSerPoolConfigException(key, $"{key}: missing (see hocon/reference.conf)");
        }
        catch (Exception e) when (e is ConfigurationException or InvalidOperationException or ArgumentException)
        {
            throw new RSerPoolConfigException(key, $"{key}: must be a single value ({e.Message})");
        }
    }

    private static long ByteSize(Akka.Configuration.Config config, string key)
    {
        string text = Text(config, key);
        long? bytes;
        try
        {
            bytes = config.GetByteSize(key);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or ConfigurationException)
        {
            bytes = null;
        }

        return bytes is >= 0 ? bytes.Value : throw new RSerPoolConfigException(key, $"{key}: '{text}' is not a size (bytes, or 100MiB, 1GiB)");
    }
}
