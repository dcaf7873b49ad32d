using System.Net;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Wire.Parameters;

namespace RSerPool.Hosts.Config;

/// <summary>
/// Maps rserpool.registrar-client.*, rserpool.pe.*, rserpool.pu.* and rserpool.session.* (hocon/reference.conf) to the
/// node's, PEs' and sessions' settings.
/// </summary>
public static class NodeConfig
{
    public static RSerPoolNodeOptions Read(HoconConfig config)
    {
        const string c = "rserpool.registrar-client";
        const string u = "rserpool.pu";
        var registrars = config.GetStringList($"{c}.registrars")
            .Select(t => (IPEndPoint)EndPointText.Parse(t, RegistrarConfig.AsapPort, $"{c}.registrars"))
            .ToArray();
        var announce = config.GetString($"{c}.announce-listen");
        IPEndPoint? announceListen = announce.Equals("off", StringComparison.OrdinalIgnoreCase)
            ? null
            : EndPointText.Parse(announce, RegistrarConfig.AsapPort, $"{c}.announce-listen");
        return new RSerPoolNodeOptions
        {
            Connector = RegistrarTransportText.Parse(config.GetString($"{c}.transport"), $"{c}.transport"),
            RegistrarClient = RegistrarClientSettings.Default with
            {
                StaticRegistrars = registrars,
                AnnounceListenEndPoint = announceListen,
                AnnounceTimeout = Positive(config, $"{c}.announce-timeout"),
                ConnectTimeout = Positive(config, $"{c}.connect-timeout"),
                RequestTimeout = Positive(config, $"{c}.request-timeout"),
                HuntRetryDelay = Positive(config, $"{c}.hunt-retry-delay"),
                MaxQueuedRequests = config.GetInt($"{c}.max-queued-requests"),
            },
            PoolUser = PoolUserSettings.Default with
            {
                StaleCacheTime = config.GetDuration($"{u}.stale-cache"),
                HandleResolutionItems = checked((uint)config.GetLong($"{u}.handle-resolution-items")),
                MinUnreachableReportInterval = config.GetDuration($"{u}.min-unreachable-report-interval"),
                UnreachableExclusionTime = config.GetDuration($"{u}.unreachable-exclusion"),
                MaxWaitingPerPool = config.GetInt($"{u}.max-waiting-per-pool"),
            },
        };
    }

    /// <summary>A PE's registration settings from rserpool.pe.*.</summary>
    public static PoolElementOptions ReadPoolElement(HoconConfig config, PoolHandle poolHandle, TransportParameter userTransport)
    {
        const string p = "rserpool.pe";
        var life = config.GetString($"{p}.registration-life");
        return new PoolElementOptions(poolHandle, userTransport)
        {
            ReregistrationInterval = Positive(config, $"{p}.reregistration-interval"),
            RegistrationLife = life.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : Positive(config, $"{p}.registration-life"),
            RetryInitialDelay = Positive(config, $"{p}.retry-initial-delay"),
            RetryMaxDelay = Positive(config, $"{p}.retry-max-delay"),
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
