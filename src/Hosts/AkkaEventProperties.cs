using Serilog.Core;
using Serilog.Events;

namespace RSerPool.Hosts;

/// <summary>
/// Gives an event from Akka.Logger.Serilog the properties the console has always shown: <c>ActorPath</c> is the path of
/// the actor that logged (Akka's log source; Akka.Logger.Serilog's own <c>ActorPath</c> is the message's sender, not
/// the logger), absent for host code; its bookkeeping properties (LogSource, Thread, SourceContext) are dropped.
/// </summary>
internal sealed class AkkaEventProperties : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        logEvent.RemovePropertyIfPresent("ActorPath");
        if (logEvent.Properties.TryGetValue("LogSource", out var source) && source is ScalarValue { Value: string path }
            && path.StartsWith("akka://", StringComparison.Ordinal))
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty("ActorPath", new ScalarValue(path)));
        }

        logEvent.RemovePropertyIfPresent("LogSource");
        logEvent.RemovePropertyIfPresent("Thread");
        logEvent.RemovePropertyIfPresent(Constants.SourceContextPropertyName);
    }
}
