using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace RSerPool.Hosts;

/// <summary>
/// Serilog for the hosts. Everything is logged through Akka's logging (<c>Context.GetLogger()</c> in actors,
/// <c>Logging.GetLogger(system, type)</c> in host code), which Akka.Logger.Serilog's <c>SerilogLogger</c> (akka.loggers,
/// hocon/reference.conf) hands to Serilog's <see cref="Log.Logger"/>, set here. One line per event on the console:
/// time, level, the rendered message, then the event's other properties (the actor path as <c>ActorPath</c>).
/// </summary>
public static class HostLogging
{
    private const string Template = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>Sets <see cref="Log.Logger"/>; end the run with <see cref="Log.CloseAndFlush"/> so that buffered lines are written.</summary>
    /// <param name="toStandardError">All events to stderr (hosts whose stdout carries data, like the terminal).</param>
    public static void Install(LogEventLevel level, bool toStandardError = false) => Log.Logger = Create(level, toStandardError);

    /// <summary>The console logger at <paramref name="level"/>.</summary>
    /// <param name="toStandardError">All events to stderr (hosts whose stdout carries data, like the terminal).</param>
    public static Serilog.Core.Logger Create(LogEventLevel level, bool toStandardError = false) =>
        Create(level, console => console.Console(outputTemplate: Template, standardErrorFromLevel: toStandardError ? LogEventLevel.Verbose : null));

    private static Serilog.Core.Logger Create(LogEventLevel level, Action<LoggerSinkConfiguration> writeTo) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(level)
            // Akka's own events (startup, coordinated shutdown phases, dead letters) come from Akka.* classes: at
            // Information they would crowd out the lines people and scripts read; shown from Debug on.
            .MinimumLevel.Override("Akka", level <= LogEventLevel.Debug ? level : LogEventLevel.Warning)
            .WriteTo.Async(
                sink => sink.Logger(console => writeTo(console.MinimumLevel.Verbose().Enrich.With<AkkaEventProperties>().WriteTo)),
                bufferSize: 10_000, blockWhenFull: false)
            .CreateLogger();
}
