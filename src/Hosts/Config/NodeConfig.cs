using System.Net;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElement;
using RSerPool.Actors.PoolUser;

namespace RSerPool.Hosts.Config;

/// <summary>Maps rserpool.node.* and rserpool.session.* (hocon/reference.conf) to the node's and sessions' settings.</summary>
public static class NodeConfig
{
    public static RSerPoolNodeOptions Read(HoconConfig config)
    {
        const string n = "rserpool.node";
        var registrars = config.GetStringList($"{n}.registrars")
            .Select(t => (IPEndPoint)EndPointText.Parse(t, RegistrarConfig.AsapPort, $"{n}.registrars"))
            .ToArray();
        var announce = config.GetString($"{n}.asap-announce");
        IPEndPoint? announceListen = announce.Equals("off", StringComparison.OrdinalIgnoreCase)
            ? null
            : EndPointText.Parse(announce, RegistrarConfig.AsapPort, $"{n}.asap-announce");
        var requestTimeout = Positive(config, $"{n}.request-timeout");
        return new RSerPoolNodeOptions
        {
            RegistrarClient = RegistrarClientSettings.Default with
            {
                StaticRegistrars = registrars,
                AnnounceListenEndPoint = announceListen,
                AnnounceTimeout = Positive(config, $"{n}.announce-timeout"),
                ConnectTimeout = Positive(config, $"{n}.connect-timeout"),
                RequestTimeout = requestTimeout,
                HuntRetryDelay = Positive(config, $"{n}.hunt-retry-delay"),
            },
            PoolUser = PoolUserSettings.Default with
            {
                StaleCacheTime = Positive(config, $"{n}.stale-cache-time"),
                MinUnreachableReportInterval = config.GetDuration($"{n}.min-unreachable-report-interval"),
                UnreachableExclusionTime = config.GetDuration($"{n}.unreachable-exclusion-time"),
            },
        };
    }

    public static PoolSessionOptions ReadSession(HoconConfig config)
    {
        const string s = "rserpool.session";
        var heartbeat = config.GetDuration($"{s}.heartbeat-interval");
        return PoolSessionOptions.Default with
        {
            ConnectTimeout = Positive(config, $"{s}.connect-timeout"),
            HeartbeatInterval = heartbeat > TimeSpan.Zero ? heartbeat : null,
            HeartbeatTimeout = Positive(config, $"{s}.heartbeat-timeout"),
            MaxUnackedMessages = config.GetInt($"{s}.max-unacked-messages"),
        };
    }

    internal static TimeSpan Positive(HoconConfig config, string path)
    {
        var value = config.GetDuration(path);
        return value > TimeSpan.Zero ? value : throw new HoconException($"configuration key '{path}' must be a positive duration");
    }
}
