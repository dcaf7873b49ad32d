using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;

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
            AsapSctpEndPoint = config.GetString($"{r}.asap-sctp") is var sctp && sctp.Equals("off", StringComparison.OrdinalIgnoreCase)
                ? null
                : EndPointText.Parse(sctp, AsapPort, $"{r}.asap-sctp"),
            AsapAnnounce = new AnnounceSettings(announceTargets, config.GetDuration($"{r}.announce-interval"), config.GetInt($"{r}.announce-ttl")),
            KeepAliveInterval = Positive(config, $"{r}.keep-alive-interval"),
            KeepAliveTimeout = Positive(config, $"{r}.keep-alive-timeout"),
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
        };
    }

    private static TimeSpan Positive(HoconConfig config, string path)
    {
        var value = config.GetDuration(path);
        return value > TimeSpan.Zero ? value : throw new HoconException($"configuration key '{path}' must be a positive duration");
    }
}
