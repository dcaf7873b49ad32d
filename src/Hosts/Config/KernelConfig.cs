using Akka.Actor;
using Serilog.Events;

namespace RSerPool.Hosts.Config;

/// <summary>Maps the akka.* keys we read (hocon/reference.conf) to <see cref="ActorSystemSettings"/>.</summary>
public static class KernelConfig
{
    public static LogEventLevel LogLevel(HoconConfig config)
    {
        var text = config.GetString("akka.loglevel");
        return HostLogging.TryParseLevel(text, out var level)
            ? level
            : throw new HoconException($"configuration key 'akka.loglevel' must be a Serilog level (Debug, Information, ...), not '{text}'");
    }

    public static ActorSystemSettings Read(HoconConfig config, Serilog.ILogger logger) => new()
    {
        Throughput = Math.Max(1, config.GetInt("akka.actor.default-dispatcher.throughput")),
        AskTimeout = config.GetDuration("akka.actor.ask-timeout"),
        LogLevel = LogLevel(config),
        Logger = logger,
    };
}
