using System.Net;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;
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
                AnnounceTimeout = config.GetPositiveDuration($"{c}.announce-timeout"),
                ConnectTimeout = config.GetPositiveDuration($"{c}.connect-timeout"),
                RequestTimeout = config.GetPositiveDuration($"{c}.request-timeout"),
                HuntRetryDelay = config.GetPositiveDuration($"{c}.hunt-retry-delay"),
                MaxQueuedRequests = config.GetInt($"{c}.max-queued-requests"),
                Sctp = SctpConfig.Apply(config, SctpSettings.Asap),
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
            ReregistrationInterval = config.GetPositiveDuration($"{p}.reregistration-interval"),
            RegistrationLife = life.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : config.GetPositiveDuration($"{p}.registration-life"),
            RetryInitialDelay = config.GetPositiveDuration($"{p}.retry-initial-delay"),
            RetryMaxDelay = config.GetPositiveDuration($"{p}.retry-max-delay"),
        };
    }

    public static PoolSessionOptions ReadSession(HoconConfig config)
    {
        const string s = "rserpool.session";
        var heartbeat = config.GetDuration($"{s}.heartbeat-interval");
        return PoolSessionOptions.Default with
        {
            ConnectTimeout = config.GetPositiveDuration($"{s}.connect-timeout"),
            HeartbeatInterval = heartbeat > TimeSpan.Zero ? heartbeat : null,
            HeartbeatTimeout = config.GetPositiveDuration($"{s}.heartbeat-timeout"),
            MaxUnackedMessages = config.GetInt($"{s}.max-unacked-messages"),
            Sctp = SctpConfig.Apply(config, SctpSessionSettings.Default),
        };
    }
}
