using Serilog.Events;

namespace RSerPool.Hosts.Config;

/// <summary>
/// One log level in both vocabularies: Akka's for <c>akka.loglevel</c> (DEBUG, INFO, WARNING, ERROR, OFF; Akka rejects
/// anything else) and Serilog's for the console. <c>--log-level</c> and <c>akka.loglevel</c> take either.
/// </summary>
/// <param name="Akka">The value for <c>akka.loglevel</c>.</param>
/// <param name="Serilog">The minimum level of the console.</param>
public readonly record struct HostLogLevel(string Akka, LogEventLevel Serilog)
{
    /// <summary>The names accepted, for messages.</summary>
    public const string Names = "Verbose, Debug, Information (info), Warning (warn), Error, Fatal, or Akka's DEBUG, INFO, WARNING, ERROR, OFF";

    /// <summary>Reads a Serilog or Akka level name, any case.</summary>
    public static bool TryParse(string? text, out HostLogLevel level)
    {
        HostLogLevel? parsed = text?.Trim().ToUpperInvariant() switch
        {
            "VERBOSE" => new("DEBUG", LogEventLevel.Verbose),
            "DEBUG" => new("DEBUG", LogEventLevel.Debug),
            "INFORMATION" or "INFO" => new("INFO", LogEventLevel.Information),
            "WARNING" or "WARN" => new("WARNING", LogEventLevel.Warning),
            "ERROR" => new("ERROR", LogEventLevel.Error),
            "FATAL" => new("ERROR", LogEventLevel.Fatal),
            "OFF" => new("OFF", LogEventLevel.Fatal),
            _ => null,
        };
        level = parsed ?? default;
        return parsed is not null;
    }
}
