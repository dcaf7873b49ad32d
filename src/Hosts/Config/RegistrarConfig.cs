using System.Net;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Hosts.Config;

/// <summary>Maps rserpool.registrar.* (hocon/reference.conf) to <see cref="RegistrarSettings"/>.</summary>
public static class RegistrarConfig
{
    public const int AsapPort = 3863;

    public static RegistrarSettings Read(HoconConfig config)
    {
        const string r = "rserpool.registrar";
        var announceTargets = config.GetStringList($"{r}.asap-announce")
            .Where(t => !t.Equals("off", StringComparison.OrdinalIgnoreCase))
            .Select(t => EndPointText.Parse(t, AsapPort, $"{r}.asap-announce"))
            .ToArray();
        return new RegistrarSettings
        {
            ServerId = checked((uint)config.GetLong($"{r}.server-id")),
            AsapEndPoint = EndPointText.Parse(config.GetString($"{r}.asap"), AsapPort, $"{r}.asap"),
            AsapSctpEndPoint = config.GetString($"{r}.asap-sctp") is var sctp && (sctp.Equals("off", StringComparison.OrdinalIgnoreCase) || IsAuto(sctp))
                ? null
                : EndPointText.Parse(sctp, AsapPort, $"{r}.asap-sctp"),
            AsapSctpOnTcpEndPoint = IsAuto(config.GetString($"{r}.asap-sctp")),
            AsapSctpStyle = ReadSctpStyle(config.GetString($"{r}.asap-sctp-style"), $"{r}.asap-sctp-style"),
            AsapSctp = SctpConfig.Apply(config, SctpSettings.Asap),
            AsapAnnounce = new AnnounceSettings(announceTargets, config.GetDuration($"{r}.announce-interval"), config.GetInt($"{r}.announce-ttl")),
            KeepAliveInterval = config.GetPositiveDuration($"{r}.keep-alive-interval"),
            KeepAliveTimeout = config.GetPositiveDuration($"{r}.keep-alive-timeout"),
            DefaultHandleResolutionItems = Math.Clamp(config.GetInt($"{r}.max-handle-resolution-items"), 1, 128),
            MaxHandleResolutionRate = config.GetDouble($"{r}.max-handle-resolution-rate"),
            MaxEndpointUnreachableRate = config.GetDouble($"{r}.max-endpoint-unreachable-rate"),
            Handlespace = HandlespaceSettings.Default with
            {
                MaxPoolHandleLength = config.GetInt($"{r}.limits.max-pool-handle-length"),
                MaxPools = config.GetInt($"{r}.limits.max-pools"),
                MaxElementsPerPool = config.GetInt($"{r}.limits.max-pes-per-pool"),
                MaxElementsPerAssociation = config.GetInt($"{r}.limits.max-pes-per-association"),
                MaxUnreachableReports = config.GetInt($"{r}.max-bad-pe-reports"),
                MaxIncrement = config.GetInt($"{r}.max-increment"),
            },
            Association = AssociationSettings.Default with
            {
                MaxMessageLength = config.GetInt("rserpool.wire.max-message-length"),
                MaxPendingSendBytes = config.GetInt($"{r}.limits.max-pending-send-bytes"),
            },
            MaxAssociations = config.GetInt($"{r}.limits.max-associations"),
            Enrp = ReadEnrp(config),
        };
    }

    /// <summary>rserpool.registrar.status: the HTTP status endpoint, null when "off".</summary>
    public static IPEndPoint? ReadStatusEndPoint(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string text = config.GetString("rserpool.registrar.status");
        return text.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : EndPointText.Parse(text, 0, "rserpool.registrar.status");
    }

    private static bool IsAuto(string text) => text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>rserpool.registrar.asap-sctp-style: one-to-one or one-to-many (RFC 6458 §3, §4).</summary>
    public static SctpSocketStyle ReadSctpStyle(string text, string source) => text.Trim().ToLowerInvariant() switch
    {
        "one-to-one" => SctpSocketStyle.OneToOne,
        "one-to-many" => SctpSocketStyle.OneToMany,
        _ => throw new HoconException($"{source}: '{text}' is not an SCTP socket style (one-to-one or one-to-many)"),
    };

    /// <summary>
    /// rserpool.registrar.enrp.transport: tcp, sctp (RFC 5353 §7) or auto (TCP, plus SCTP on the same port where the
    /// kernel has it: issue 7). The second transport is the additional one, null when there is none.
    /// </summary>
    public static (IEnrpTransport Transport, IEnrpTransport? Additional) ReadEnrpTransport(string text, string source) =>
        ReadEnrpTransport(text, SctpSupport.IsAvailable, source);

    /// <summary>The same, with <paramref name="sctpAvailable"/> deciding "auto".</summary>
    public static (IEnrpTransport Transport, IEnrpTransport? Additional) ReadEnrpTransport(string text, bool sctpAvailable, string source) => text.Trim().ToLowerInvariant() switch
    {
        "tcp" => (TcpEnrpTransport.Instance, null),
        "sctp" => (SctpEnrpTransport.Instance, null),
        "auto" => (TcpEnrpTransport.Instance, sctpAvailable ? SctpEnrpTransport.Instance : null),
        _ => throw new HoconException($"{source}: '{text}' is not an ENRP transport (tcp, sctp or auto)"),
    };

    /// <summary>rserpool.registrar.enrp.*; null when the endpoint is "off".</summary>

    public static EnrpSettings? ReadEnrp(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string e = "rserpool.registrar.enrp";
        string endpoint = config.GetString($"{e}.endpoint");
        if (endpoint.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var (transport, additional) = ReadEnrpTransport(config.GetString($"{e}.transport"), $"{e}.transport");
        return new EnrpSettings
        {
            EndPoint = EndPointText.Parse(endpoint, EnrpSettings.DefaultPort, $"{e}.endpoint"),
            Transport = transport,
            AdditionalTransport = additional,
            Peers = config.GetStringList($"{e}.peers").Select(p => EndPointText.Parse(p, EnrpSettings.DefaultPort, $"{e}.peers")).ToArray(),
            PresenceTargets = config.GetStringList($"{e}.presence-announce")
                .Where(t => !t.Equals("off", StringComparison.OrdinalIgnoreCase))
                .Select(t => EndPointText.Parse(t, EnrpSettings.DefaultPort, $"{e}.presence-announce"))
                .ToArray(),
            MulticastTimeToLive = config.GetInt($"{e}.presence-ttl"),
            PeerHeartbeatCycle = config.GetPositiveDuration($"{e}.peer-heartbeat-cycle"),
            MaxTimeLastHeard = config.GetPositiveDuration($"{e}.max-time-last-heard"),
            MaxTimeNoResponse = config.GetPositiveDuration($"{e}.max-time-no-response"),
            TakeoverExpiry = config.GetPositiveDuration($"{e}.takeover-expiry"),
            MentorDiscoveryTimeout = config.GetPositiveDuration($"{e}.mentor-discovery-timeout"),
            MaxElementsPerHandleTableResponse = Math.Max(1, config.GetInt($"{e}.max-elements-per-handle-table-response")),
            MaxHandleTableResponseBytes = Math.Max(256, config.GetInt($"{e}.max-handle-table-response-bytes")),
            MaxInvalidMessagesPerAssociation = Math.Max(1, config.GetInt($"{e}.max-invalid-messages-per-association")),
            MaxPoolElementsPerPeer = Math.Max(1, config.GetInt($"{e}.max-pes-per-peer")),
            MaxPeers = Math.Max(1, config.GetInt($"{e}.max-peers")),
            Sctp = SctpConfig.Apply(config, SctpSettings.Enrp),
            MaxAssociations = Math.Max(1, config.GetInt($"{e}.max-associations")),
            MaxQueuedWhileConnecting = Math.Max(1, config.GetInt($"{e}.max-queued-while-connecting")),
            Association = AssociationSettings.Default with
            {
                MaxMessageLength = config.GetInt("rserpool.wire.max-message-length"),
                MaxPendingSendBytes = config.GetInt("rserpool.registrar.limits.max-pending-send-bytes"),
            },
        };
    }
}
