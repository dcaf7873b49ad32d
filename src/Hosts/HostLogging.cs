using System.Globalization;
using RSerPool.Hosts.Config;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace RSerPool.Hosts;

/// <summary>
/// Serilog for the hosts. Everything is logged through Akka's logging (<c>Context.GetLogger()</c> in actors,
/// <c>Logging.GetLogger(system, type)</c> in host code), which Akka.Logger.Serilog's <c>SerilogLogger</c> (akka.loggers,
/// hocon/reference.conf) hands to Serilog's <see cref="Log.Logger"/>, set here. The format is <c>rserpool.logging</c>'s
/// (<see cref="LoggingConfig"/>): text, one line per event (date and time with the UTC offset, level, the rendered
/// message, then the event's other properties: the actor path as <c>ActorPath</c>), or compact JSON (CLEF), one event
/// per line; on the console, and in a rolling file when one is given. The first event names the build.
/// </summary>
public static class HostLogging
{
    /// <summary>The text format: ISO 8601 timestamp with offset, level, message, other properties.</summary>
    public const string Template = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Sets <see cref="Log.Logger"/> and logs the first line, <c>rserpool 1.2.3 (commit abc1234) registrar starting</c>;
    /// end the run with <see cref="Log.CloseAndFlush"/> so that buffered lines are written.
    /// </summary>
    /// <param name="config">Level (<c>akka.loglevel</c>) and <c>rserpool.logging</c>.</param>
    /// <param name="systemName">The actor system's name (<c>rserpool-registrar</c>): the first line names its command.</param>
    /// <param name="toStandardError">All events to stderr (hosts whose stdout carries data, like the terminal).</param>
    public static void Install(HostConfig config, string systemName, bool toStandardError = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(systemName);
        var logging = config.Logging;
        Log.Logger = Create(config.SerilogLevel, logging, sink => ToConsole(sink, logging.Format, toStandardError));
        string command = systemName.StartsWith("rserpool-", StringComparison.Ordinal) ? systemName["rserpool-".Length..] : systemName;
        Log.Information("{Build} {Command} starting (log level {Level}, {Format} format{File})", BuildVersion.Describe(), command,
            config.SerilogLevel, logging.Format.ToString().ToLowerInvariant(), logging.File is { } file ? $", also to {file}" : string.Empty);
    }

    /// <summary>
    /// Null when the log file (if any) can be written; else a one-line error naming the key and where it was set. The
    /// file sink itself would only report to Serilog's SelfLog, and the run would log nowhere but the console.
    /// </summary>
    public static string? FileProblem(HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Logging.File is not { } file)
        {
            return null;
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        string probe = Path.Combine(directory, $".rserpool-log-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(directory);
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string source = config.SourceOf(LoggingConfig.FileKey) is { } where ? $" (set {where})" : string.Empty;
            return $"{LoggingConfig.FileKey}: cannot write the log file {file}: {e.Message}{source}";
        }
    }

    /// <summary>The hosts' pipeline at <paramref name="level"/> with <paramref name="output"/> in place of the console (tests), and <paramref name="logging"/>'s file if any.</summary>
    public static Serilog.Core.Logger Create(LogEventLevel level, LoggingConfig logging, ILogEventSink output)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(output);
        return Create(level, logging, sink => sink.Sink(output));
    }

    /// <summary>The formatter of <paramref name="format"/>: the text template, or CLEF (<see cref="CompactJsonFormatter"/>).</summary>
    public static ITextFormatter Formatter(LogFormat format) =>
        format == LogFormat.Json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(Template, CultureInfo.InvariantCulture);

    private static void ToConsole(LoggerSinkConfiguration sink, LogFormat format, bool toStandardError)
    {
        LogEventLevel? standardErrorFromLevel = toStandardError ? LogEventLevel.Verbose : null;
        if (format == LogFormat.Json)
        {
            sink.Console(Formatter(format), standardErrorFromLevel: standardErrorFromLevel);
        }
        else
        {
            sink.Console(outputTemplate: Template, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: standardErrorFromLevel);
        }
    }

    private static Serilog.Core.Logger Create(LogEventLevel level, LoggingConfig logging, Action<LoggerSinkConfiguration> console) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level)
            // Akka's own events (startup, coordinated shutdown phases, dead letters) come from Akka.* classes: at
            // Information they would crowd out the lines people and scripts read; shown from Debug on.
            .MinimumLevel.Override("Akka", level <= LogEventLevel.Debug ? level : LogEventLevel.Warning)
            .Enrich.With<AkkaEventProperties>()
            .Enrich.With<ReadableDurations>()
            .WriteTo.Async(
                sink =>
                {
                    console(sink);
                    if (logging.File is { } file)
                    {
                        // Serilog.Sinks.File's rolling: by time and by size, the oldest files beyond the count deleted.
                        sink.File(Formatter(logging.Format), file, fileSizeLimitBytes: logging.SizeLimit, rollingInterval: logging.Interval,
                            rollOnFileSizeLimit: logging.SizeLimit is not null, retainedFileCountLimit: logging.RetainedFiles);
                    }
                },
                bufferSize: 10_000, blockWhenFull: false)
            .CreateLogger();
}
