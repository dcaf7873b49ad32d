using Akka.Configuration;
using RSerPool.Actors.Api;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Configuration;

/// <summary>Reads <c>rserpool.server.*</c>: the PE side of PU sessions (a <see cref="PoolElementServer"/>, docs/session-shim.md).</summary>
public static class ServerConfig
{
    private const string S = "rserpool.server";

    /// <summary>rserpool.server.status: the server's own status endpoint; null = off.</summary>
    public static System.Net.IPEndPoint? ReadStatusEndPoint(Config config)
    {
        string text = ConfigValues.String(config, $"{S}.status");
        return text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? null : EndPointText.Parse(text, 0, $"{S}.status");
    }

    /// <summary>
    /// The server's limits (<c>rserpool.server.max-sessions</c>, <c>max-sessions-per-host</c>, <c>first-frame-timeout</c>)
    /// over <see cref="PoolElementServerOptions.Default"/>.
    /// </summary>
    public static PoolElementServerOptions ReadOptions(Config config)
    {
        int maxSessions = ConfigValues.Int(config, $"{S}.max-sessions");
        int maxPerHost = ConfigValues.Int(config, $"{S}.max-sessions-per-host");
        if (maxSessions <= 0)
        {
            throw new RSerPoolConfigException($"{S}.max-sessions", $"{S}.max-sessions: {maxSessions} is not a positive number of sessions");
        }

        if (maxPerHost <= 0)
        {
            throw new RSerPoolConfigException($"{S}.max-sessions-per-host", $"{S}.max-sessions-per-host: {maxPerHost} is not a positive number of sessions");
        }

        return PoolElementServerOptions.Default with
        {
            MaxSessions = maxSessions,
            MaxSessionsPerHost = maxPerHost,
            FirstFrameTimeout = ConfigValues.PositiveDuration(config, $"{S}.first-frame-timeout"),
        };
    }

    /// <summary>
    /// Whether PUs reach the server over SCTP (<c>rserpool.server.transport</c>: "sctp", or "auto" where
    /// <paramref name="sctpAvailable"/>) rather than the TCP shim.
    /// </summary>
    public static bool UsesSctp(Config config, bool sctpAvailable) =>
        RegistrarTransportText.IsSctp(ConfigValues.String(config, $"{S}.transport"), sctpAvailable, $"{S}.transport");

    /// <summary>The same with this kernel's <see cref="SctpSupport.IsAvailable"/>.</summary>
    public static bool UsesSctp(Config config) => UsesSctp(config, SctpSupport.IsAvailable);

    /// <summary>
    /// Whether the node asks for SCTP anywhere (<c>rserpool.registrar-client.transport</c> or <c>rserpool.server.transport</c>
    /// is "sctp" or "auto"), whatever the kernel has: a host without kernel SCTP then says once that it runs on TCP only.
    /// </summary>
    public static bool WantsSctp(Config config) =>
        RegistrarTransportText.WantsSctp(ConfigValues.String(config, "rserpool.registrar-client.transport"))
        || RegistrarTransportText.WantsSctp(ConfigValues.String(config, $"{S}.transport"));
}
