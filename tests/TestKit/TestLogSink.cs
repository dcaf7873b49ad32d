using Serilog.Core;
using Serilog.Events;

namespace RSerPool.Actors.Kernel.TestKit;

/// <summary>Collects Serilog events of a test's system (the EventFilter-lite of actor-kernel.md §10).</summary>
public sealed class TestLogSink : ILogEventSink
{
    private readonly object _gate = new();
    private readonly List<LogEvent> _events = [];

    /// <summary>A snapshot of the events so far.</summary>
    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_gate)
                return _events.ToArray();
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
            _events.Add(logEvent);
    }

    /// <summary>Events at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<LogEvent> AtLeast(LogEventLevel level) => Events.Where(e => e.Level >= level).ToArray();
}
