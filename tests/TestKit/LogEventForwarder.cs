using Akka.Actor;
using Akka.Event;
using Serilog.Events;
using Serilog.Parsing;
using AkkaLogEvent = Akka.Event.LogEvent;
using SerilogLogEvent = Serilog.Events.LogEvent;

namespace RSerPool.TestKit;

/// <summary>
/// Subscribed to the system's event stream: turns each Akka log event into a Serilog event (message template and
/// named properties, plus <c>ActorPath</c> and <c>LogSource</c>) for <see cref="TestLogSink"/>, as Akka.Logger.Serilog
/// does for the hosts' sinks, so specs can assert on the rendered text and on the properties.
/// </summary>
internal sealed class LogEventForwarder : ReceiveActor
{
    private static readonly MessageTemplateParser s_parser = new();

    public LogEventForwarder(TestLogSink sink)
    {
        Receive<AkkaLogEvent>(e => sink.Emit(Convert(e)));
    }

    public static Props Props(TestLogSink sink) => Akka.Actor.Props.Create(() => new LogEventForwarder(sink));

    private static SerilogLogEvent Convert(AkkaLogEvent e)
    {
        string format;
        object[] args;
        if (e.Message is LogMessage message)
        {
            format = message.Format;
            args = message.Parameters().ToArray();
        }
        else
        {
            format = "{Message}";
            args = [e.Message?.ToString() ?? string.Empty];
        }

        MessageTemplate template = s_parser.Parse(format);
        var properties = new List<LogEventProperty>
        {
            new("ActorPath", new ScalarValue(e.LogSource)),
            new("LogSource", new ScalarValue(e.LogSource)),
        };
        int position = 0;
        foreach (var token in template.Tokens.OfType<PropertyToken>())
        {
            int index = token.IsPositional && token.TryGetPositionalValue(out int p) ? p : position++;
            if (index < args.Length && properties.TrueForAll(x => x.Name != token.PropertyName))
                properties.Add(new LogEventProperty(token.PropertyName, Scalar(args[index])));
        }

        return new SerilogLogEvent(e.Timestamp, Level(e.LogLevel()), e.Cause, template, properties);
    }

    private static LogEventPropertyValue Scalar(object? value) => new ScalarValue(value);

    private static LogEventLevel Level(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => LogEventLevel.Debug,
        LogLevel.InfoLevel => LogEventLevel.Information,
        LogLevel.WarningLevel => LogEventLevel.Warning,
        _ => LogEventLevel.Error,
    };
}
