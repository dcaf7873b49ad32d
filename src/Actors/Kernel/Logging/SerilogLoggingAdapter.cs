using Serilog;
using Serilog.Events;

namespace RSerPool.Actors.Kernel.Event;

/// <summary>The Serilog-backed <see cref="ILoggingAdapter"/>; the minimum level comes from the system settings (akka.loglevel).</summary>
internal sealed class SerilogLoggingAdapter(ILogger logger, LogEventLevel minimum) : ILoggingAdapter
{
    public bool IsDebugEnabled => IsEnabled(LogEventLevel.Debug);

    public bool IsInfoEnabled => IsEnabled(LogEventLevel.Information);

    public bool IsWarningEnabled => IsEnabled(LogEventLevel.Warning);

    public bool IsErrorEnabled => IsEnabled(LogEventLevel.Error);

    public void Debug(string format, params object?[] args) => Write(LogEventLevel.Debug, null, format, args);

    public void Info(string format, params object?[] args) => Write(LogEventLevel.Information, null, format, args);

    public void Warning(string format, params object?[] args) => Write(LogEventLevel.Warning, null, format, args);

    public void Warning(Exception? cause, string format, params object?[] args) => Write(LogEventLevel.Warning, cause, format, args);

    public void Error(string format, params object?[] args) => Write(LogEventLevel.Error, null, format, args);

    public void Error(Exception? cause, string format, params object?[] args) => Write(LogEventLevel.Error, cause, format, args);

    private bool IsEnabled(LogEventLevel level) => level >= minimum && logger.IsEnabled(level);

    private void Write(LogEventLevel level, Exception? cause, string format, object?[] args)
    {
        if (IsEnabled(level))
            logger.Write(level, cause, format, args);
    }
}
