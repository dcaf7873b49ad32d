using System.Net;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Security;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Everything a registrar needs to run, filled by the host from HOCON (hocon/reference.conf, rserpool.registrar.*).
/// Defaults here mirror reference.conf only for tests and embedding; the host always sets every value.
/// </summary>
public sealed record RegistrarSettings
{
    /// <summary>This registrar's Server Identifier; 0 = choose a random non-zero one at start (RFC 5353 §3.2.1).</summary>
    public uint ServerId { get; init; }

    /// <summary>Where ASAP over TCP is served (IANA port 3863; port 0 = any free port, logged at start).</summary>
    public IPEndPoint AsapEndPoint { get; init; } = new(IPAddress.Any, 3863);

    /// <summary>Where ASAP over kernel SCTP is served too (PPID 11, RFC 5352 §5); null = off; skipped where the kernel has no SCTP.</summary>
    public IPEndPoint? AsapSctpEndPoint { get; init; }

    /// <summary>
    /// When true, ASAP over SCTP is served on the address and port the TCP listener is bound to (port 0 included) and
    /// <see cref="AsapSctpEndPoint"/> is not used: one HOST:PORT reaches the registrar over either transport.
    /// </summary>
    public bool AsapSctpOnTcpEndPoint { get; init; }

    /// <summary>
    /// Socket style of the ASAP SCTP listener: one-to-one (a socket and read thread per PE) or one-to-many (one socket
    /// and one read loop for every PE, RFC 6458 §3).
    /// </summary>
    public SctpSocketStyle AsapSctpStyle { get; init; } = SctpSocketStyle.OneToMany;

    /// <summary>How ASAP associations over SCTP carry messages (PPID 11, stream 0) and the socket settings.</summary>
    public SctpSettings AsapSctp { get; init; } = SctpSettings.Asap;

    /// <summary>ASAP Server Announce targets and period (docs/protocol-notes.md §7; RSPLIB 239.0.0.50:3863, 1 s ± 12.5 %).</summary>
    public AnnounceSettings AsapAnnounce { get; init; } = new([new IPEndPoint(IPAddress.Parse("239.0.0.50"), 3863)], TimeSpan.FromSeconds(1));

    /// <summary>Time from a registration or Keep Alive Ack to the next Endpoint Keep Alive (docs/protocol-notes.md §9).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time to wait for the Keep Alive Ack before the PE is removed (docs/protocol-notes.md §9).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>PEs returned per Handle Resolution without a Handle Resolution Option (RSPLIB -maxhresitems 3; hard cap 128).</summary>
    public int DefaultHandleResolutionItems { get; init; } = 3;

    /// <summary>Handle Resolutions accepted per association and second; 0 = unlimited (RSPLIB -maxhrrate).</summary>
    public double MaxHandleResolutionRate { get; init; } = 1000;

    /// <summary>Handle Resolutions accepted per remote host (all its associations) and second; 0 = unlimited.</summary>
    public double MaxHandleResolutionRatePerHost { get; init; } = 10_000;

    /// <summary>Endpoint Unreachable reports accepted per association and second; 0 = unlimited (RSPLIB -maxeurate).</summary>
    public double MaxEndpointUnreachableRate { get; init; } = 10;

    /// <summary>Endpoint Unreachable reports accepted per remote host (all its associations) and second; 0 = unlimited.</summary>
    public double MaxEndpointUnreachableRatePerHost { get; init; } = 100;

    /// <summary>Shortest Registration Life granted: shorter ones are raised to it (RFC 5352 §3.1; docs/protocol-notes.md §6).</summary>
    public TimeSpan MinRegistrationLife { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Registration Life granted: longer ones are lowered to it (a copy of a dead PE lives at most this long).</summary>
    public TimeSpan MaxRegistrationLife { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether user addresses must be of the association's scope (docs/protocol-notes.md §6; RSPLIB -minaddressscope).</summary>
    public bool CheckAddressScope { get; init; } = true;

    /// <summary>Handlespace limits: handle length, pools, PEs per pool and per association, MAX-BAD-PE-REPORT, MaxIncrement.</summary>
    public HandlespaceSettings Handlespace { get; init; } = HandlespaceSettings.Default;

    /// <summary>Framing and buffer limits of each ASAP association.</summary>
    public AssociationSettings Association { get; init; } = AssociationSettings.Default;

    /// <summary>Most ASAP associations open at once; more are refused.</summary>
    public int MaxAssociations { get; init; } = 10_000;

    /// <summary>Who may register in and resolve which pools, by association identity (rserpool.acl; default open).</summary>
    public AccessControl Acl { get; init; } = AccessControl.Open;

    /// <summary>ENRP with peer registrars (RFC 5353); null = this registrar runs alone.</summary>
    public EnrpSettings? Enrp { get; init; }

    /// <summary>
    /// The Akka dispatcher (config path) of the registrar, its pools and PE actors and its SCTP associations; null =
    /// the default dispatcher. <see cref="EventLoopDispatcher"/> runs them on one thread that also reads the SCTP
    /// socket (<see cref="Dispatch.EventLoopExecutor"/>, issue 14); <see cref="AutoDispatcher"/> picks it where ASAP
    /// is served over one-to-many SCTP (<see cref="ResolveDispatcher"/>).
    /// </summary>
    public string? Dispatcher { get; init; }

    /// <summary><see cref="Dispatcher"/>: the event loop where ASAP is served over one-to-many SCTP, the default dispatcher elsewhere.</summary>
    public const string AutoDispatcher = "auto";

    /// <summary>The event-loop dispatcher of hocon/reference.conf.</summary>
    public const string EventLoopDispatcher = "rserpool.registrar.event-loop";

    /// <summary>The dispatcher to deploy on (null = default), <see cref="AutoDispatcher"/> resolved for whether the kernel has SCTP.</summary>
    public string? ResolveDispatcher(bool sctpAvailable)
    {
        if (Dispatcher != AutoDispatcher)
        {
            return string.IsNullOrEmpty(Dispatcher) ? null : Dispatcher;
        }

        bool servesSctp = sctpAvailable && (AsapSctpEndPoint is not null || AsapSctpOnTcpEndPoint) && AsapSctpStyle == SctpSocketStyle.OneToMany;
        return servesSctp ? EventLoopDispatcher : null;
    }
}
