using RSerPool.Hosts.Config;
using Serilog.Core;
using Serilog.Events;

namespace RSerPool.Hosts.Tests.Logs;

/// <summary>Formats each event as the console would.</summary>
internal sealed class CollectingSink(LogFormat format) : ILogEventSink
{
    private readonly Serilog.Formatting.ITextFormatter _formatter = HostLogging.Formatter(format);
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        lock (_lines)
        {
            _lines.Add(writer.ToString().TrimEnd('\n', '\r'));
        }
    }
}
