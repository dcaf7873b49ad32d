// rserpool.sctp.*: the socket settings every SCTP association and listener of a host uses (issue 7).
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Hosts.Config;

/// <summary>Applies rserpool.sctp.* (poll-interval, listen-backlog) to the SCTP settings of ASAP, ENRP and sessions.</summary>
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

    private static int Backlog(HoconConfig config)
    {
        int backlog = config.GetInt($"{S}.listen-backlog");
        return backlog > 0 ? backlog : throw new HoconException($"{S}.listen-backlog: {backlog} is not a positive backlog");
    }
}
