using System.Net;
using Akka.Configuration;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Memory;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.Configuration;

/// <summary>
/// Reads <c>rserpool.registrar.*</c> (with <c>rserpool.wire.*</c> and <c>rserpool.sctp.*</c>) into
/// <see cref="RegistrarSettings"/>. Every key must be present: give the config <see cref="RSerPoolConfig.Default"/>
/// as its fallback.
/// </summary>
public static class RegistrarConfig
{
    /// <summary>The ASAP port (IANA 3863), taken when an endpoint gives no port.</summary>
    public const int AsapPort = 3863;

    private const string R = "rserpool.registrar";

    /// <summary>The registrar's settings; throws <see cref="RSerPoolConfigException"/> naming the first bad key.</summary>
    public static RegistrarSettings Read(Config config)
    {
        var announceTargets = ConfigValues.StringList(config, $"{R}.asap-announce")
            .Where(t => !IsOff(t))
            .Select(t => EndPointText.Parse(t, AsapPort, $"{R}.asap-announce"))
            .ToArray();
        string sctp = ConfigValues.String(config, $"{R}.asap-sctp");
        (TimeSpan minLife, TimeSpan maxLife) = ReadRegistrationLife(config);
        return new RegistrarSettings
        {
            ServerId = ConfigValues.UInt(config, $"{R}.server-id"),
            AsapEndPoint = EndPointText.Parse(ConfigValues.String(config, $"{R}.asap"), AsapPort, $"{R}.asap"),
            AsapSctpEndPoint = IsOff(sctp) || IsAuto(sctp) ? null : EndPointText.Parse(sctp, AsapPort, $"{R}.asap-sctp"),
            AsapSctpOnTcpEndPoint = IsAuto(sctp),
            AsapSctpStyle = ReadSctpStyle(ConfigValues.String(config, $"{R}.asap-sctp-style"), $"{R}.asap-sctp-style"),
            AsapSctp = SctpConfig.Apply(config, SctpSettings.Asap),
            AsapAnnounce = new AnnounceSettings(announceTargets, ConfigValues.Duration(config, $"{R}.announce-interval"), ConfigValues.IntInRange(config, $"{R}.announce-ttl", 0, 255)),
            KeepAliveInterval = ConfigValues.PositiveDuration(config, $"{R}.keep-alive-interval"),
            KeepAliveTimeout = ConfigValues.PositiveDuration(config, $"{R}.keep-alive-timeout"),
            DefaultHandleResolutionItems = Math.Min(ConfigValues.PositiveInt(config, $"{R}.max-handle-resolution-items"), 128),
            MaxHandleResolutionRate = ConfigValues.NonNegativeDouble(config, $"{R}.max-handle-resolution-rate"),
            MaxHandleResolutionRatePerHost = ConfigValues.NonNegativeDouble(config, $"{R}.max-handle-resolution-rate-per-host"),
            MaxEndpointUnreachableRate = ConfigValues.NonNegativeDouble(config, $"{R}.max-endpoint-unreachable-rate"),
            MaxEndpointUnreachableRatePerHost = ConfigValues.NonNegativeDouble(config, $"{R}.max-endpoint-unreachable-rate-per-host"),
            MinRegistrationLife = minLife,
            MaxRegistrationLife = maxLife,
            CheckAddressScope = ConfigValues.Bool(config, $"{R}.check-address-scope"),
            Handlespace = HandlespaceSettings.Default with
            {
                MaxPoolHandleLength = ConfigValues.PositiveInt(config, $"{R}.limits.max-pool-handle-length"),
                MaxPools = ConfigValues.PositiveInt(config, $"{R}.limits.max-pools"),
                MaxElementsPerPool = ConfigValues.PositiveInt(config, $"{R}.limits.max-pes-per-pool"),
                MaxElementsPerAssociation = ConfigValues.PositiveInt(config, $"{R}.limits.max-pes-per-association"),
                MaxUnreachableReports = ConfigValues.PositiveInt(config, $"{R}.max-bad-pe-reports"),
                UnreachableReportWindow = ConfigValues.Duration(config, $"{R}.bad-pe-report-window"),
                MaxIncrement = ConfigValues.NonNegativeInt(config, $"{R}.max-increment"),
            },
            Association = ReadAssociation(config),
            MaxAssociations = ConfigValues.PositiveInt(config, $"{R}.limits.max-associations"),
            Acl = AccessControlConfig.Read(config),
            Enrp = ReadEnrp(config),
            Dispatcher = ReadDispatcher(config),
        };
    }

    private static string? ReadDispatcher(Config config)
    {
        string dispatcher = ConfigValues.String(config, $"{R}.dispatcher");
        if (dispatcher.Length == 0)
        {
            return null;
        }

        // "auto" may pick the event loop, so its section must be there as well.
        string section = dispatcher == RegistrarSettings.AutoDispatcher ? RegistrarSettings.EventLoopDispatcher : dispatcher;
        return config.HasPath($"{section}.type")
            ? dispatcher
            : throw new RSerPoolConfigException($"{R}.dispatcher", $"configuration key '{R}.dispatcher' needs '{section}', which is no dispatcher section (no 'type' key there)");
    }

    // An address (one host) or a network in CIDR notation, e.g. "10.0.0.5", "10.0.0.0/8", "fd00::/8".
    private static IPNetwork ReadNetwork(string text, string key)
    {
        if (IPNetwork.TryParse(text, out IPNetwork network))
        {
            return network;
        }

        return IPAddress.TryParse(text, out IPAddress? address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : throw new RSerPoolConfigException(key, $"configuration key '{key}' has '{text}', which is no address or network such as \"10.0.0.0/8\"");
    }

    // RFC 5354 §3.10: the life travels as signed 32-bit milliseconds, so 24.8 days is the most any bound can be.
    private static (TimeSpan Min, TimeSpan Max) ReadRegistrationLife(Config config)
    {
        TimeSpan min = ConfigValues.PositiveDuration(config, $"{R}.min-registration-life");
        TimeSpan max = ConfigValues.PositiveDuration(config, $"{R}.max-registration-life");
        if (max.TotalMilliseconds > int.MaxValue)
        {
            throw new RSerPoolConfigException($"{R}.max-registration-life", $"configuration key '{R}.max-registration-life' must be at most {int.MaxValue} ms (24.8 days)");
        }

        return min <= max ? (min, max)
            : throw new RSerPoolConfigException($"{R}.min-registration-life", $"configuration key '{R}.min-registration-life' ({min}) must not exceed max-registration-life ({max})");
    }

    /// <summary><c>rserpool.registrar.idle-memory-trim</c>: when an idle registrar host gives memory back (issue 14).</summary>
    public static IdleMemoryTrimSettings ReadIdleMemoryTrim(Config config)
    {
        const string T = $"{R}.idle-memory-trim";
        long rate = ConfigValues.Long(config, $"{T}.idle-allocation-rate");
        long growth = ConfigValues.Long(config, $"{T}.min-growth");
        double ratio = ConfigValues.NonNegativeDouble(config, $"{T}.min-growth-ratio");
        return new IdleMemoryTrimSettings(
            ConfigValues.Bool(config, $"{T}.enabled"),
            ConfigValues.PositiveDuration(config, $"{T}.check-interval"),
            rate > 0 ? rate : throw new RSerPoolConfigException($"{T}.idle-allocation-rate", $"configuration key '{T}.idle-allocation-rate' must be above 0 bytes per second"),
            growth > 0 ? growth : throw new RSerPoolConfigException($"{T}.min-growth", $"configuration key '{T}.min-growth' must be above 0 bytes"),
            ratio);
    }

    /// <summary><c>rserpool.registrar.status</c>: the HTTP status endpoint of a registrar host; null when "off".</summary>
    public static IPEndPoint? ReadStatusEndPoint(Config config)
    {
        string text = ConfigValues.String(config, $"{R}.status");
        return IsOff(text) ? null : EndPointText.Parse(text, 0, $"{R}.status");
    }

    /// <summary>rserpool.registrar.status-events-interval: how often the live page's feed reads the handlespace.</summary>
    public static TimeSpan ReadStatusEventsInterval(Config config) => ConfigValues.PositiveDuration(config, $"{R}.status-events-interval");

    /// <summary>An SCTP socket style: "one-to-one" or "one-to-many" (RFC 6458 §3, §4).</summary>
    /// <param name="key">The key or flag the text came from, named in the error.</param>
    public static SctpSocketStyle ReadSctpStyle(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "one-to-one" => SctpSocketStyle.OneToOne,
            "one-to-many" => SctpSocketStyle.OneToMany,
            _ => throw new RSerPoolConfigException(key, $"{key}: '{text}' is not an SCTP socket style (one-to-one or one-to-many)"),
        };
    }

    /// <summary>
    /// <c>rserpool.registrar.enrp.transport</c>: tcp, sctp (RFC 5353 §3.1) or auto (TCP, plus SCTP on the same port where
    /// the kernel has it). The second transport is the additional one, null when there is none.
    /// </summary>
    public static (IEnrpTransport Transport, IEnrpTransport? Additional) ReadEnrpTransport(string text, string key) =>
        ReadEnrpTransport(text, SctpSupport.IsAvailable, key);

    /// <summary>The same, with <paramref name="sctpAvailable"/> deciding "auto".</summary>
    public static (IEnrpTransport Transport, IEnrpTransport? Additional) ReadEnrpTransport(string text, bool sctpAvailable, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "tcp" => (TcpEnrpTransport.Instance, null),
            "sctp" => (SctpEnrpTransport.Instance, null),
            "auto" => (TcpEnrpTransport.Instance, sctpAvailable ? SctpEnrpTransport.Instance : null),
            _ => throw new RSerPoolConfigException(key, $"{key}: '{text}' is not an ENRP transport (tcp, sctp or auto)"),
        };
    }

    /// <summary><c>rserpool.registrar.enrp.*</c> (RFC 5353): null when the endpoint is "off" (the registrar runs alone).</summary>
    public static EnrpSettings? ReadEnrp(Config config)
    {
        const string e = $"{R}.enrp";
        string endpoint = ConfigValues.String(config, $"{e}.endpoint");
        if (IsOff(endpoint))
        {
            // Unused without ENRP, but a bad peer is still an error rather than a surprise once ENRP is turned on.
            foreach (string peer in ConfigValues.StringList(config, $"{e}.peers"))
            {
                EndPointText.Parse(peer, EnrpSettings.DefaultPort, $"{e}.peers");
            }

            foreach (string allowed in ConfigValues.StringList(config, $"{e}.allow"))
            {
                ReadNetwork(allowed, $"{e}.allow");
            }

            return null;
        }

        var (transport, additional) = ReadEnrpTransport(ConfigValues.String(config, $"{e}.transport"), $"{e}.transport");
        return new EnrpSettings
        {
            EndPoint = EndPointText.Parse(endpoint, EnrpSettings.DefaultPort, $"{e}.endpoint"),
            Transport = transport,
            AdditionalTransport = additional,
            Peers = ConfigValues.StringList(config, $"{e}.peers").Select(p => EndPointText.Parse(p, EnrpSettings.DefaultPort, $"{e}.peers")).ToArray(),
            Allow = ConfigValues.StringList(config, $"{e}.allow").Select(text => ReadNetwork(text, $"{e}.allow")).ToArray(),
            PresenceTargets = ConfigValues.StringList(config, $"{e}.presence-announce")
                .Where(t => !IsOff(t))
                .Select(t => EndPointText.Parse(t, EnrpSettings.DefaultPort, $"{e}.presence-announce"))
                .ToArray(),
            MulticastTimeToLive = ConfigValues.IntInRange(config, $"{e}.presence-ttl", 0, 255),
            PeerHeartbeatCycle = ConfigValues.PositiveDuration(config, $"{e}.peer-heartbeat-cycle"),
            MaxTimeLastHeard = ConfigValues.PositiveDuration(config, $"{e}.max-time-last-heard"),
            MaxTimeNoResponse = ConfigValues.PositiveDuration(config, $"{e}.max-time-no-response"),
            TakeoverExpiry = ConfigValues.PositiveDuration(config, $"{e}.takeover-expiry"),
            MentorDiscoveryTimeout = ConfigValues.PositiveDuration(config, $"{e}.mentor-discovery-timeout"),
            MaxElementsPerHandleTableResponse = ConfigValues.PositiveInt(config, $"{e}.max-elements-per-handle-table-response"),
            MaxHandleTableResponseBytes = Math.Max(256, ConfigValues.PositiveInt(config, $"{e}.max-handle-table-response-bytes")),
            MaxInvalidMessagesPerAssociation = ConfigValues.PositiveInt(config, $"{e}.max-invalid-messages-per-association"),
            MaxPoolElementsPerPeer = ConfigValues.PositiveInt(config, $"{e}.max-pes-per-peer"),
            MaxPeers = ConfigValues.PositiveInt(config, $"{e}.max-peers"),
            Sctp = SctpConfig.Apply(config, SctpSettings.Enrp),
            MaxAssociations = ConfigValues.PositiveInt(config, $"{e}.max-associations"),
            MaxQueuedWhileConnecting = ConfigValues.PositiveInt(config, $"{e}.max-queued-while-connecting"),
            Association = ReadEnrpAssociation(config),
        };
    }

    // ENRP peers exchange floods of Handle Updates both ways: pausing reading on queued bytes could stall two registrars
    // on each other, so an ENRP association is closed at max-pending-send-bytes without pausing first.
    private static AssociationSettings ReadEnrpAssociation(Config config)
    {
        var association = ReadAssociation(config);
        return association with { PauseReadingAboveBytes = association.MaxPendingSendBytes };
    }

    private static AssociationSettings ReadAssociation(Config config) => AssociationSettings.Default with
    {
        MaxMessageLength = ConfigValues.PositiveInt(config, "rserpool.wire.max-message-length"),
        MaxPendingSendBytes = ConfigValues.PositiveInt(config, $"{R}.limits.max-pending-send-bytes"),
        MaxAssociationsPerHost = ConfigValues.PositiveInt(config, $"{R}.limits.max-associations-per-host"),
        MaxInFlightRequests = ConfigValues.PositiveInt(config, $"{R}.limits.max-in-flight-requests"),
        PauseReadingAboveBytes = ConfigValues.PositiveInt(config, $"{R}.limits.pause-reading-above-bytes"),
        FirstMessageTimeout = ConfigValues.PositiveDuration(config, $"{R}.limits.first-message-timeout"),
        PartialFrameTimeout = ConfigValues.PositiveDuration(config, $"{R}.limits.partial-frame-timeout"),
        SendStallTimeout = ConfigValues.PositiveDuration(config, $"{R}.limits.send-stall-timeout"),
        Counters = new ConnectionCounters(),
        Tls = TlsConfig.Read(config),
    };

    private static bool IsAuto(string text) => text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    private static bool IsOff(string text) => text.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);
}
