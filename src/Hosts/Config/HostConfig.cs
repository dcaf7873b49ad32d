using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using RSerPool.Actors.Configuration;
using Serilog.Events;

namespace RSerPool.Hosts.Config;

/// <summary>
/// The configuration of one host run, read by Akka.NET's HOCON: hocon/reference.conf
/// (<see cref="RSerPoolConfig.Default"/>), overlaid by each --config file in order, overlaid by the command-line flags.
/// <see cref="Config"/> creates the actor system, so a --config file may tune Akka too. Knows where each key was set,
/// so a bad value is reported with its file or flag and its key.
/// </summary>
public sealed class HostConfig
{
    /// <summary>Longest wait for Akka's parser on one file (it loops forever on some malformed text).</summary>
    private static readonly TimeSpan ParseTimeout = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<(string File, AkkaConfig Config)> _files;
    private readonly ConfigOverrides _flags;

    private HostConfig(AkkaConfig config, IReadOnlyList<(string File, AkkaConfig Config)> files, ConfigOverrides flags, HostLogLevel logLevel, LoggingConfig? logging)
    {
        Config = config;
        _files = files;
        _flags = flags;
        LogLevel = logLevel;
        Logging = logging ?? new LoggingConfig(LogFormat.Text, null, Serilog.RollingInterval.Day, null, null);
    }

    /// <summary>The merged configuration: flags, then the files (last first), then the reference.</summary>
    public AkkaConfig Config { get; }

    /// <summary><c>akka.loglevel</c> in both vocabularies (the merged config holds Akka's name).</summary>
    public HostLogLevel LogLevel { get; }

    /// <summary><c>rserpool.logging</c>: format and log file (checked when loaded).</summary>
    public LoggingConfig Logging { get; }

    /// <summary>The console's minimum level.</summary>
    public LogEventLevel SerilogLevel => LogLevel.Serilog;

    /// <summary>
    /// Reads each file, merges, and checks what Akka would not: pitfalls of its parser, unknown <c>rserpool</c> keys,
    /// the log level. Throws <see cref="RSerPoolConfigException"/> naming the file (and line or key) or the flag.
    /// </summary>
    public static HostConfig Load(IEnumerable<string> files, ConfigOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        flags ??= new ConfigOverrides();
        var layers = files.Select(file => (file, ParseFile(file))).ToArray();
        AkkaConfig merged = RSerPoolConfig.Default;
        foreach (var (_, config) in layers)
        {
            merged = config.WithFallback(merged);
        }

        merged = ConfigurationFactory.ParseString(flags.ToHocon()).WithFallback(merged);
        var partial = new HostConfig(merged, layers, flags, default, null);
        string levelText = partial.Read(c => c.GetString("akka.loglevel") ?? "");
        if (!HostLogLevel.TryParse(levelText, out var level))
        {
            throw partial.Located(new RSerPoolConfigException("akka.loglevel", $"akka.loglevel: '{levelText}' is not a log level ({HostLogLevel.Names})"));
        }

        // Akka takes only its own names: the merged config always holds one.
        var final = ConfigurationFactory.ParseString($"akka.loglevel = {ConfigOverrides.Quote(level.Akka)}").WithFallback(merged);
        var logging = partial.Read(LoggingConfig.Read);
        return new HostConfig(final, layers, flags, level, logging);
    }

    /// <summary>
    /// This configuration with <paramref name="overlay"/> on top (keys the host derives, such as cluster mode's
    /// <c>akka.actor.provider</c>); errors still name the file or flag of the keys underneath.
    /// </summary>
    public HostConfig WithOverlay(AkkaConfig overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        return overlay.IsEmpty ? this : new HostConfig(overlay.WithFallback(Config), _files, _flags, LogLevel, Logging);
    }

    /// <summary>Runs a reader of RSerPool.Actors.Configuration on <see cref="Config"/>; an error gets the file or flag that set its key.</summary>
    public T Read<T>(Func<AkkaConfig, T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return reader(Config);
        }
        catch (RSerPoolConfigException e)
        {
            throw Located(e);
        }
    }

    /// <summary>Where <paramref name="key"/> was set: "by --flag", "in FILE", or null (hocon/reference.conf or nowhere).</summary>
    public string? SourceOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_flags.FlagOf(key) is { } flag)
        {
            return $"by {flag}";
        }

        for (int i = _files.Count - 1; i >= 0; i--)
        {
            if (HasPath(_files[i].Config, key))
            {
                return $"in {_files[i].File}";
            }
        }

        return null;
    }

    private RSerPoolConfigException Located(RSerPoolConfigException e) =>
        e.Key is { } key && SourceOf(key) is { } source ? new RSerPoolConfigException(key, $"{e.Message} (set {source})", e) : e;

    private static bool HasPath(AkkaConfig config, string key)
    {
        try
        {
            return !config.IsEmpty && config.HasPath(key);
        }
        catch (Exception e) when (e is ConfigurationException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads and parses one --config file, without the check for unknown keys (<see cref="UnknownKeyErrors"/>).
    /// Throws <see cref="RSerPoolConfigException"/> naming the file for a missing or unreadable file or bad HOCON.
    /// </summary>
    public static AkkaConfig ParseFileText(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Directory.Exists(file))
        {
            throw new RSerPoolConfigException(null, $"configuration file {file} is a directory");
        }

        if (!File.Exists(file))
        {
            throw new RSerPoolConfigException(null, $"configuration file not found: {file}");
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RSerPoolConfigException(null, $"configuration file {file} cannot be read: {e.Message}", e);
        }

        if (HoconPitfalls.Find(text) is { } pitfall)
        {
            throw new RSerPoolConfigException(pitfall.Key, $"{file}: line {pitfall.Line}: {pitfall.Message}");
        }

        // Akka's parser runs beside the caller: on some malformed text it never returns, and the host must still exit 2.
        var parsing = Task.Run(() => ConfigurationFactory.ParseString(text));
        AkkaConfig config;
        try
        {
            if (!parsing.Wait(ParseTimeout))
            {
                throw new RSerPoolConfigException(null, $"{file}: Akka's HOCON parser did not finish within {ParseTimeout.TotalSeconds:0} s: look for an unquoted value holding ':' or '['");
            }

            config = parsing.Result;
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            throw new RSerPoolConfigException(null, $"{file}: not valid HOCON ({Explain(inner)})", inner);
        }

        return config;
    }

    /// <summary>One error per key under <c>rserpool</c> that <paramref name="config"/> (read from <paramref name="file"/>) sets and hocon/reference.conf does not know.</summary>
    public static IReadOnlyList<RSerPoolConfigException> UnknownKeyErrors(string file, AkkaConfig config) =>
        RSerPoolConfig.FindUnknownKeys(config).Select(unknown => new RSerPoolConfigException(unknown,
            $"{file}: unknown configuration key '{unknown}'{Suggestion(unknown)} (hocon/reference.conf lists every key)")).ToArray();

    private static string Suggestion(string unknown) => KeySuggestion.Closest(unknown) is { } known ? $"; did you mean '{known}'?" : "";

    private static AkkaConfig ParseFile(string file)
    {
        var config = ParseFileText(file);
        return UnknownKeyErrors(file, config) is [var first, ..] ? throw first : config;
    }

    private static string Explain(Exception e) => e switch
    {
        NullReferenceException => "Akka's parser failed; is there an 'include'? Give each file with its own --config",
        FormatException when e.Message.Contains("substitution", StringComparison.OrdinalIgnoreCase) => e.Message,
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
