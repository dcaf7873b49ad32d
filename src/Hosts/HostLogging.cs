using Serilog;
using Serilog.Events;

namespace RSerPool.Hosts;

/// <summary>Serilog for the hosts: structured console output (actor path and event properties on every line).</summary>
public static class HostLogging
{
    private const string Template = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <param name="toStandardError">All events to stderr (hosts whose stdout carries data, like the terminal).</param>
    public static Serilog.Core.Logger Create(LogEventLevel level, bool toStandardError = false) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Async(
                sink => sink.Console(outputTemplate: Template, standardErrorFromLevel: toStandardError ? LogEventLevel.Verbose : null),
                bufferSize: 10_000, blockWhenFull: false)
            .CreateLogger();

    /// <summary>Serilog level names (Verbose, Debug, Information, Warning, Error, Fatal) plus the short forms info and warn.</summary>
    public static bool TryParseLevel(string text, out LogEventLevel level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "info":
                level = LogEventLevel.Information;
                return true;
            case "warn":
                level = LogEventLevel.Warning;
                return true;
            default:
                return Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level);
        }
    }
}
