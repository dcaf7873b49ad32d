using Serilog.Core;
using Serilog.Events;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>Keeps every log event written to it, for tests that assert what a host logged.</summary>
internal sealed class ListLogSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    public void Emit(LogEvent logEvent) => Events.Add(logEvent);
}
