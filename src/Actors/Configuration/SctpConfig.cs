using Akka.Configuration;
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.sctp.*</c> (poll-interval, listen-backlog: the socket settings of every SCTP association and
/// listener, for ASAP, ENRP and sessions) and <c>rserpool.server.sctp-style</c> (the PE session server's socket style).
/// </summary>
public static class SctpConfig
{
    private const string S = "rserpool.sctp";

    /// <summary><paramref name="settings"/> (e.g. <see cref="SctpSettings.Asap"/>) with the socket settings of <paramref name="config"/>.</summary>
    public static SctpSettings Apply(Config config, SctpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { PollInterval = ConfigValues.PositiveDuration(config, $"{S}.poll-interval"), ListenBacklog = Backlog(config) };
    }

    /// <summary>The session settings with the socket settings of <paramref name="config"/>.</summary>
    public static SctpSessionSettings Apply(Config config, SctpSessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { PollInterval = ConfigValues.PositiveDuration(config, $"{S}.poll-interval"), ListenBacklog = Backlog(config) };
    }

    /// <summary>
    /// The settings of a PE's SCTP session server: <see cref="Apply(Config, SctpSessionSettings)"/> and
    /// <c>rserpool.server.sctp-style</c> (one-to-many or one-to-one, RFC 6458 §3, §4).
    /// </summary>
    public static SctpSessionSettings ApplyServer(Config config, SctpSessionSettings settings) =>
        Apply(config, settings) with
        {
            SocketStyle = RegistrarConfig.ReadSctpStyle(ConfigValues.String(config, "rserpool.server.sctp-style"), "rserpool.server.sctp-style"),
        };

    private static int Backlog(Config config)
    {
        int backlog = ConfigValues.Int(config, $"{S}.listen-backlog");
        return backlog > 0 ? backlog : throw new RSerPoolConfigException($"{S}.listen-backlog", $"{S}.listen-backlog: {backlog} is not a positive backlog");
    }
}
