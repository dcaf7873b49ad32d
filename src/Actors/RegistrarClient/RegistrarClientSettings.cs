// Registrar discovery and request timers of a PE/PU process (RFC 5352 §3.6, §7; RSPLIB's behaviour: docs/protocol-notes.md §8).
using System.Net;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Typed settings of <see cref="RegistrarClientActor"/> (hocon <c>rserpool.pe.*</c>/<c>rserpool.pu.*</c>). Defaults are
/// RSPLIB's (docs/protocol-notes.md §8), since interop tests run against RSPLIB components with theirs.
/// </summary>
public sealed record RegistrarClientSettings
{
    public static RegistrarClientSettings Default { get; } = new();

    /// <summary>Static registrars (RSPLIB <c>-registrar=</c>); server ID unknown (0) until a Keep Alive shows it. Default: none.</summary>
    public IReadOnlyList<IPEndPoint> StaticRegistrars { get; init; } = [];

    /// <summary>
    /// Where ASAP Server Announces are received (docs/protocol-notes.md §7); null = no announce listening. A multicast address
    /// (RSPLIB 239.0.0.50:3863) joins the group on the wildcard address; a unicast one is bound as given. Default: null.
    /// </summary>
    public IPEndPoint? AnnounceListenEndPoint { get; init; }

    /// <summary>
    /// Where a PE speaking ASAP over TCP accepts the association of a registrar that took it over (RFC 5353 §3.5.2,
    /// docs/protocol-notes.md §2); its port goes into the PE's registrations as the ASAP transport. Opened at the first
    /// registration; null = none (a takeover registrar then cannot reach the PE). Default: null (hosts: "auto").
    /// </summary>
    public IPEndPoint? TakeoverListenEndPoint { get; init; }

    /// <summary>Registrar associations accepted at <see cref="TakeoverListenEndPoint"/> at once; more are refused. Default 4.</summary>
    public int MaxTakeoverAssociations { get; init; } = 4;

    /// <summary>Lifetime of a registrar learned from an announce without a new one (RSPLIB registrar.announce.timeout 5 s).</summary>
    public TimeSpan AnnounceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time a connect attempt to one registrar may take (RSPLIB registrar.connect.timeout 7.5 s, T5-Serverhunt).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(7.5);

    /// <summary>Wait for a registrar's response (RSPLIB 3 s for T1/T2/T3); on expiry the association is dropped and the hunt moves on.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A process with registered PEs that hears nothing from its registrar for this long (no Keep Alive, RFC 5352 §3.4,
    /// no answer) probes it with a Handle Resolution; without an answer within <see cref="RequestTimeout"/> it moves to
    /// another registrar. Null = no probing. Default: null (hosts: 6 s, above RSPLIB's 5 s keep-alive interval).
    /// </summary>
    public TimeSpan? HomeProbeAfter { get; init; }

    /// <summary>Pause after a hunt round in which every known registrar failed, before the next round. Default 1 s.</summary>
    public TimeSpan HuntRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A hunt that keeps failing is logged at WARN at once, then after this long, doubled each time up to
    /// <see cref="HuntWarningMaxInterval"/> (<see cref="HuntWarningSchedule"/>); each attempt logs at DEBUG only. Null = no
    /// warnings. Default 1 s.
    /// </summary>
    public TimeSpan? HuntWarningInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The first hunt warning waits until the hunt has failed this long. Default zero (at once); the one-shot clients
    /// (terminal, fetch) set twice their give-up time, so only a hunt in a session past its start is warned about.
    /// </summary>
    public TimeSpan HuntWarningFirstAfter { get; init; }

    /// <summary>The longest pause between two hunt warnings. Default 5 min.</summary>
    public TimeSpan HuntWarningMaxInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests held while no registrar is connected; more are failed at once. Default 10 000.</summary>
    public int MaxQueuedRequests { get; init; } = 10_000;

    /// <summary>Framing and buffer limits of the registrar association.</summary>
    public AssociationSettings Association { get; init; } = AssociationSettings.Default;

    /// <summary>How an ASAP association over SCTP carries messages (PPID 11, stream 0) and the socket settings.</summary>
    public SctpSettings Sctp { get; init; } = SctpSettings.Asap;
}
