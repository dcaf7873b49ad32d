using System.Net;
using System.Net.Sockets;
using Akka.Configuration;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Api;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.PoolUser;
using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Parameters;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads the application side: <c>rserpool.registrar-client.*</c> and <c>rserpool.pu.*</c> into
/// <see cref="RSerPoolNodeOptions"/>, <c>rserpool.pe.*</c> into <see cref="PoolElementOptions"/>, and
/// <c>rserpool.session.*</c> into <see cref="PoolSessionOptions"/> (RFC 5352; session mode of the services draft, §3.3).
/// </summary>
public static class NodeConfig
{
    /// <summary>rserpool.terminal.status: the terminal's own status endpoint; null = off.</summary>
    public static System.Net.IPEndPoint? ReadTerminalStatusEndPoint(Config config)
    {
        string text = ConfigValues.String(config, "rserpool.terminal.status");
        return text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? null : EndPointText.Parse(text, 0, "rserpool.terminal.status");
    }

    /// <summary>
    /// The node's registrar client (the registrar hunt of RFC 5352: static registrars, Server Announces, and on a cluster
    /// node the cluster's registrars) and pool-user settings. <see cref="RSerPoolNodeOptions.System"/> and the other host choices keep their defaults.
    /// </summary>
    public static RSerPoolNodeOptions Read(Config config)
    {
        const string c = "rserpool.registrar-client";
        const string u = "rserpool.pu";
        var registrars = ConfigValues.StringList(config, $"{c}.registrars")
            .Select(t => EndPointText.Parse(t, RegistrarConfig.AsapPort, $"{c}.registrars"))
            .ToArray();
        var announce = ConfigValues.String(config, $"{c}.announce-listen");
        IPEndPoint? announceListen = announce.Trim().Equals("off", StringComparison.OrdinalIgnoreCase)
            ? null
            : EndPointText.Parse(announce, RegistrarConfig.AsapPort, $"{c}.announce-listen");
        var takeover = ConfigValues.String(config, $"{c}.takeover-listen").Trim();
        IPEndPoint? takeoverListen = takeover.Equals("off", StringComparison.OrdinalIgnoreCase) ? null
            : takeover.Equals("auto", StringComparison.OrdinalIgnoreCase) ? new IPEndPoint(Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, 0)
            : EndPointText.Parse(takeover, 0, $"{c}.takeover-listen");
        var tls = TlsConfig.Read(config);
        int maxTakeover = ConfigValues.Int(config, $"{c}.max-takeover-associations");
        if (maxTakeover < 1)
        {
            throw new RSerPoolConfigException($"{c}.max-takeover-associations", $"must be at least 1, not {maxTakeover}");
        }

        return new RSerPoolNodeOptions
        {
            Connector = Connector(config, tls, $"{c}.transport"),
            RegistrarClient = RegistrarClientSettings.Default with
            {
                StaticRegistrars = registrars,
                AnnounceListenEndPoint = announceListen,
                TakeoverListenEndPoint = takeoverListen,
                MaxTakeoverAssociations = maxTakeover,
                HomeProbeAfter = ConfigValues.PositiveDuration(config, $"{c}.home-probe-after"),
                AnnounceTimeout = ConfigValues.PositiveDuration(config, $"{c}.announce-timeout"),
                ConnectTimeout = ConfigValues.PositiveDuration(config, $"{c}.connect-timeout"),
                RequestTimeout = ConfigValues.PositiveDuration(config, $"{c}.request-timeout"),
                HuntRetryDelay = ConfigValues.PositiveDuration(config, $"{c}.hunt-retry-delay"),
                HuntWarningInterval = ConfigValues.PositiveDuration(config, $"{c}.hunt-warning-interval"),
                HuntWarningMaxInterval = ConfigValues.PositiveDuration(config, $"{c}.hunt-warning-max-interval"),
                MaxQueuedRequests = ConfigValues.PositiveInt(config, $"{c}.max-queued-requests"),
                Sctp = SctpConfig.Apply(config, SctpSettings.Asap),
                Association = AssociationSettings.Default with { Tls = tls },
            },
            ClusterRegistrars = ClusterRegistrarSettings.Default with
            {
                Enabled = ConfigValues.Bool(config, $"{c}.cluster-registrars"),
                RegistrarRole = ConfigValues.String(config, "rserpool.cluster.registrar-role"),
                EndpointsRetryInterval = ConfigValues.PositiveDuration(config, "rserpool.cluster.endpoints-retry-interval"),
                RoundTripInterval = ConfigValues.PositiveDuration(config, $"{c}.cluster-round-trip-interval"),
                RoundTripTolerance = ConfigValues.Duration(config, $"{c}.cluster-round-trip-tolerance"),
            },
            PoolUser = PoolUserSettings.Default with
            {
                StaleCacheTime = ConfigValues.Duration(config, $"{u}.stale-cache"),
                HandleResolutionItems = ConfigValues.UInt(config, $"{u}.handle-resolution-items"),
                MinUnreachableReportInterval = ConfigValues.Duration(config, $"{u}.min-unreachable-report-interval"),
                UnreachableExclusionTime = ConfigValues.Duration(config, $"{u}.unreachable-exclusion"),
                MaxWaitingPerPool = ConfigValues.PositiveInt(config, $"{u}.max-waiting-per-pool"),
            },
        };
    }

    /// <summary>A PE's registration settings (<c>rserpool.pe.*</c>: registration and re-registration, RFC 5352) for one pool and user transport.</summary>
    public static PoolElementOptions ReadPoolElement(Config config, PoolHandle poolHandle, TransportParameter userTransport)
    {
        const string p = "rserpool.pe";
        var life = ConfigValues.String(config, $"{p}.registration-life");
        return new PoolElementOptions(poolHandle, userTransport)
        {
            ReregistrationInterval = ConfigValues.PositiveDuration(config, $"{p}.reregistration-interval"),
            RegistrationLife = life.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : ConfigValues.PositiveDuration(config, $"{p}.registration-life"),
            RetryInitialDelay = ConfigValues.PositiveDuration(config, $"{p}.retry-initial-delay"),
            RetryMaxDelay = ConfigValues.PositiveDuration(config, $"{p}.retry-max-delay"),
        };
    }

    /// <summary>A PU session's settings (<c>rserpool.session.*</c>): connect timeout, heartbeat (0 = off), unacked messages, SCTP sockets.</summary>
    public static PoolSessionOptions ReadSession(Config config)
    {
        const string s = "rserpool.session";
        var heartbeat = ConfigValues.Duration(config, $"{s}.heartbeat-interval");
        return PoolSessionOptions.Default with
        {
            ConnectTimeout = ConfigValues.PositiveDuration(config, $"{s}.connect-timeout"),
            HeartbeatInterval = heartbeat > TimeSpan.Zero ? heartbeat : null,
            HeartbeatTimeout = ConfigValues.PositiveDuration(config, $"{s}.heartbeat-timeout"),
            MaxUnackedMessages = ConfigValues.PositiveInt(config, $"{s}.max-unacked-messages"),
            Sctp = SctpConfig.Apply(config, SctpSessionSettings.Default),
        };
    }

    /// <summary>How long a one-shot client (terminal, fetch) waits for its first session before it gives up (<c>rserpool.pu.give-up-after</c>).</summary>
    public static TimeSpan ReadGiveUpAfter(Config config) => ConfigValues.PositiveDuration(config, "rserpool.pu.give-up-after");

    // README "TLS": TLS runs over the TCP mapping only, so with TLS "auto" means TCP and "sctp" is refused.
    private static IRegistrarConnector Connector(Config config, TlsCredentials? tls, string key)
    {
        string text = ConfigValues.String(config, key);
        if (tls is null)
        {
            return RegistrarTransportText.Parse(text, key);
        }
        if (RegistrarTransportText.IsSctp(text, sctpAvailable: false, key))
        {
            throw new RSerPoolConfigException(key, $"configuration key '{key}' is sctp, but TLS (rserpool.tls) runs over TCP only: use tcp or auto");
        }
        return RegistrarTransportText.Parse(text, sctpAvailable: false, key);
    }
}
