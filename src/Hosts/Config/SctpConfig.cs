// rserpool.sctp.*: the socket settings every SCTP association and listener of a host uses (issue 7).
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Hosts.Config;

/// <summary>
/// Applies rserpool.sctp.* (poll-interval, listen-backlog) to the SCTP settings of ASAP, ENRP and sessions, and
/// rserpool.server.sctp-style to those of the PE's session server.
/// </summary>
public static class SctpConfig
{
    private const string S = "rserpool.sctp";

    /// <summary><paramref name="settings"/> (e.g. <see cref="SctpSettings.Asap"/>) with this configuration's socket settings.</summary>
    public static SctpSettings Apply(HoconConfig config, SctpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { PollInterval = config.GetPositiveDuration($"{S}.poll-interval"), ListenBacklog = Backlog(config) };
    }

    /// <summary>The session settings with this configuration's socket settings.</summary>
    public static SctpSessionSettings Apply(HoconConfig config, SctpSessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { PollInterval = config.GetPositiveDuration($"{S}.poll-interval"), ListenBacklog = Backlog(config) };
    }

    /// <summary>
    /// The settings of <c>rserpool server</c>'s SCTP session server: <see cref="Apply(HoconConfig, SctpSessionSettings)"/>
    /// and rserpool.server.sctp-style (one-to-many or one-to-one, RFC 6458 §3, §4).
    /// </summary>
    public static SctpSessionSettings ApplyServer(HoconConfig config, SctpSessionSettings settings) =>
        Apply(config, settings) with
        {
            SocketStyle = RegistrarConfig.ReadSctpStyle(config.GetString("rserpool.server.sctp-style"), "rserpool.server.sctp-style"),
        };

    private static int Backlog(HoconConfig config)
    {
        int backlog = config.GetInt($"{S}.listen-backlog");
        return backlog > 0 ? backlog : throw new HoconException($"{S}.listen-backlog: {backlog} is not a positive backlog");
    }
}
