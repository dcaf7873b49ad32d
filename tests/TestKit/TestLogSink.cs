using Serilog.Core;
using Serilog.Events;

namespace RSerPool.TestKit;

/// <summary>Collects Serilog events of a test's system (the EventFilter-lite of actor-kernel.md §10).</summary>
public sealed class TestLogSink : ILogEventSink
{
    private readonly object _gate = new();
    private readonly List<LogEvent> _events = [];
    private readonly List<(Func<LogEvent, bool> Matches, TaskCompletionSource<LogEvent> Seen)> _waiters = [];

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
        List<TaskCompletionSource<LogEvent>> seen = [];
        lock (_gate)
        {
            _events.Add(logEvent);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Matches(logEvent))
                {
                    seen.Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in seen)
            waiter.TrySetResult(logEvent);
    }

    /// <summary>The first event (already logged or still to come) whose rendered message contains <paramref name="text"/>; fails after <paramref name="timeout"/>.</summary>
    public Task<LogEvent> WaitForAsync(string text, TimeSpan timeout) =>
        WaitForAsync(e => e.RenderMessage().Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>The first event (already logged or still to come) matching <paramref name="matches"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> matches, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_events.FirstOrDefault(matches) is { } earlier)
                return earlier;
            _waiters.Add((matches, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
                _waiters.RemoveAll(w => w.Seen == seen);
            throw new TimeoutException($"no log event as awaited within {timeout}");
        }
    }

    /// <summary>Events at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<LogEvent> AtLeast(LogEventLevel level) => Events.Where(e => e.Level >= level).ToArray();
}
