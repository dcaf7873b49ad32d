using RSerPool.Actors;
using Serilog.Core;
using Serilog.Events;

namespace RSerPool.Hosts;

/// <summary>
/// Writes an event's durations for people: a <see cref="TimeSpan"/> property (a retry delay, a timeout) becomes
/// <c>250 ms</c> instead of <c>00:00:00.2500000</c> (<see cref="LogText.Duration"/>), in the text and the JSON format.
/// </summary>
internal sealed class ReadableDurations : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? replaced = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: TimeSpan duration })
            {
                (replaced ??= []).Add(new LogEventProperty(name, new ScalarValue(LogText.Duration(duration))));
            }
        }

        foreach (var property in replaced ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }
}
