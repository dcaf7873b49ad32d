// ENRP server settings (RFC 5353 §4, docs/protocol-notes.md §10 timers), filled by the host from rserpool.registrar.enrp.*.
using System.Net;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// How a registrar speaks ENRP with its peers. Defaults mirror hocon/reference.conf (chosen so that a crashed
/// registrar's PEs are taken over within 2 s: silence is probed after <see cref="MaxTimeLastHeard"/>, declared dead
/// after <see cref="MaxTimeNoResponse"/> more, and the takeover needs one round trip of acknowledgements).
/// </summary>
public sealed record EnrpSettings
{
    /// <summary>Default ENRP port (RFC 5353 §5.3).</summary>
    public const int DefaultPort = 9901;

    /// <summary>Where ENRP over TCP is served (port 0 = any free port).</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Any, DefaultPort);

    /// <summary>Statically configured peers' ENRP endpoints (docs/protocol-notes.md §10 "-peer"); their IDs are learnt from their Presence.</summary>
    public IReadOnlyList<IPEndPoint> Peers { get; init; } = [];

    /// <summary>
    /// Networks whose inbound ENRP associations are accepted besides the configured, cluster and announcing peers
    /// (issue 17; hocon/reference.conf <c>rserpool.registrar.enrp.allow</c>, loopback there); null = every source, as
    /// settings built in code for tests have it.
    /// </summary>
    public IReadOnlyList<IPNetwork>? Allow { get; init; }

    /// <summary>PEER-HEARTBEAT-CYCLE: Presence period, jittered ±12.5 % (RFC 5353 §3.4.2 and §4; RSPLIB 2444 ms, RFC 30 s).</summary>
    public TimeSpan PeerHeartbeatCycle { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>MAX-TIME-LAST-HEARD: silence before a peer is probed with Presence R=1 (RSPLIB 5 s, RFC 61 s).</summary>
    public TimeSpan MaxTimeLastHeard { get; init; } = TimeSpan.FromMilliseconds(750);

    /// <summary>MAX-TIME-NO-RESPONSE: wait for the probe's answer before the peer counts as dead (RSPLIB 5 s).</summary>
    public TimeSpan MaxTimeNoResponse { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Startup wait for a mentor (docs/protocol-notes.md §10; RSPLIB 5 s).</summary>
    public TimeSpan MentorDiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait for every INIT_TAKEOVER_ACK before the takeover is given up (docs/protocol-notes.md §10; RSPLIB 5 s).</summary>
    public TimeSpan TakeoverExpiry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most PEs per Handle Table Response (docs/protocol-notes.md §10; RSPLIB 128); by default the byte limit binds first.</summary>
    public int MaxElementsPerHandleTableResponse { get; init; } = 4096;

    /// <summary>
    /// Largest Handle Table Response in bytes; more PEs go to the next part with M=1 (RSPLIB 1400). The default fills a
    /// part up to just under the 64 KiB message limit (<see cref="Wire.WireLimits.DefaultMaxMessageLength"/>), so a mentor
    /// download needs few round trips.
    /// </summary>
    public int MaxHandleTableResponseBytes { get; init; } = 60 * 1024;

    /// <summary>Invalid or rejected messages accepted from one association before it is closed.</summary>
    public int MaxInvalidMessagesPerAssociation { get; init; } = 100;

    /// <summary>Most PE copies held for one owning peer; further ADD_PEs from it are refused (a peer cannot exhaust the handlespace).</summary>
    public int MaxPoolElementsPerPeer { get; init; } = 1_000_000;

    /// <summary>Most peers held in the peer list; Presence from further unknown registrars is ignored.</summary>
    public int MaxPeers { get; init; } = 256;

    /// <summary>Messages queued per peer connection while it is being established; more are dropped.</summary>
    public int MaxQueuedWhileConnecting { get; init; } = 100_000;

    /// <summary>
    /// Presence by UDP every heartbeat cycle (RFC 5353 §3.4): multicast groups (RSPLIB 239.0.0.51:9901, joined for
    /// receiving) and/or unicast addresses; empty = off. Datagrams are received on the ENRP address and port.
    /// </summary>
    public IReadOnlyList<IPEndPoint> PresenceTargets { get; init; } = [];

    /// <summary>Multicast TTL of UDP Presence (RSPLIB -announcettl 30).</summary>
    public int MulticastTimeToLive { get; init; } = 30;

    /// <summary>Framing and buffer limits of each ENRP association.</summary>
    public AssociationSettings Association { get; init; } = AssociationSettings.Default;

    /// <summary>Most ENRP associations accepted at once.</summary>
    public int MaxAssociations { get; init; } = 1_000;

    /// <summary>How associations are made (TCP by default; tests plug an in-memory network).</summary>
    public IEnrpTransport Transport { get; init; } = TcpEnrpTransport.Instance;

    /// <summary>
    /// A second transport served on the same address and port once <see cref="Transport"/> is bound (null = none): the
    /// host's "auto" serves SCTP next to TCP where the kernel has it (issue 7; RSPLIB speaks SCTP only). A peer first
    /// heard over it is answered over it; a static peer that cannot be reached over one transport is tried over the other.
    /// Skipped with a warning when <see cref="IEnrpTransport.UnavailableReason"/> is set or its port is taken.
    /// </summary>
    public IEnrpTransport? AdditionalTransport { get; init; }

    /// <summary>How ENRP associations over SCTP carry messages (PPID 12, stream 0, from the ENRP port) and the socket settings.</summary>
    public SctpSettings Sctp { get; init; } = SctpSettings.Enrp;
}
