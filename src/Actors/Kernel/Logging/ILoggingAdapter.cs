namespace RSerPool.Actors.Kernel.Event;

/// <summary>
/// An actor's logger (Akka.NET's <c>ILoggingAdapter</c>), backed by Serilog; every event carries the property
/// <c>ActorPath</c>. Formats are Serilog message templates; positional <c>{0}</c> holes work as in Akka.
/// </summary>
public interface ILoggingAdapter
{
    bool IsDebugEnabled { get; }

    bool IsInfoEnabled { get; }

    bool IsWarningEnabled { get; }

    bool IsErrorEnabled { get; }

    void Debug(string format, params object?[] args);

    void Info(string format, params object?[] args);

    void Warning(string format, params object?[] args);

    void Warning(Exception? cause, string format, params object?[] args);

    void Error(string format, params object?[] args);

    void Error(Exception? cause, string format, params object?[] args);
}
