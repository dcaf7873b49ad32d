// The registrar's instruments on a System.Diagnostics.Metrics Meter named "RSerPool" (docs/metrics.md): any MeterListener
// collects them (OpenTelemetry, dotnet-counters); the status endpoint exports them at /metrics in the Prometheus format.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Metrics;

/// <summary>
/// Counters and histograms of what the registrar does. Instrument names are dotted (OpenTelemetry style); the Prometheus
/// exporter turns them into <c>rserpool_..._total</c> and <c>rserpool_..._seconds</c> (docs/metrics.md). Recording costs
/// a flag check while nothing listens.
/// </summary>
public static class RSerPoolMetrics
{
    /// <summary>The Meter's name: what a listener or exporter selects.</summary>
    public const string MeterName = "RSerPool";

    /// <summary>Service time buckets in seconds: a handle resolution takes tens of microseconds, a registration up to milliseconds.</summary>
    public static IReadOnlyList<double> ServiceTimeBuckets { get; } =
        [0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1];

    /// <summary>The Meter of these instruments (an exporter selects it: the name alone may be another instance's).</summary>
    public static Meter Meter { get; } = new(MeterName);

    /// <summary>The tag keys each labelled instrument records (an exporter with fixed label names declares them up front).</summary>
    public static IReadOnlyDictionary<string, string[]> LabelNames { get; } = new Dictionary<string, string[]>
    {
        ["rserpool.pool_elements_removed"] = ["reason"],
        ["rserpool.enrp_messages"] = ["direction", "type"],
        ["rserpool.tls_handshake_failures"] = ["reason"],
        ["rserpool.enrp_refused"] = ["reason"],
    };

    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("rserpool.registrations", "{registration}",
        "PEs registered anew (RFC 5352 §3.1)");

    private static readonly Counter<long> ReRegistrations = Meter.CreateCounter<long>("rserpool.reregistrations", "{registration}",
        "Re-registrations of a PE already registered (RFC 5352 §3.1)");

    private static readonly Counter<long> Deregistrations = Meter.CreateCounter<long>("rserpool.deregistrations", "{deregistration}",
        "Deregistrations accepted (RFC 5352 §3.2)");

    private static readonly Counter<long> HandleResolutions = Meter.CreateCounter<long>("rserpool.handle_resolutions", "{resolution}",
        "Handle resolutions answered by a pool (RFC 5352 §3.3)");

    private static readonly Counter<long> UnreachableReports = Meter.CreateCounter<long>("rserpool.endpoint_unreachable_reports", "{report}",
        "Endpoint Unreachable reports received for a known pool (RFC 5352 §3.5)");

    private static readonly Counter<long> KeepAliveFailures = Meter.CreateCounter<long>("rserpool.keep_alive_failures", "{failure}",
        "Endpoint Keep Alive Acks not received in time (RFC 5352 §3.4, docs/protocol-notes.md §9)");

    private static readonly Counter<long> Removals = Meter.CreateCounter<long>("rserpool.pool_elements_removed", "{element}",
        "PEs removed from the handlespace, by reason");

    private static readonly Counter<long> EnrpMessages = Meter.CreateCounter<long>("rserpool.enrp_messages", "{message}",
        "ENRP messages sent and received, by type and direction (RFC 5353 §2)");

    private static readonly Counter<long> TlsHandshakeFailures = Meter.CreateCounter<long>("rserpool.tls_handshake_failures", "{handshake}",
        "TLS handshakes refused or failed on ASAP and ENRP over TCP, by reason (RFC 5355 section 4)");

    private static readonly Counter<long> EnrpRefusals = Meter.CreateCounter<long>("rserpool.enrp_refused", "{association}",
        "Inbound ENRP associations refused at accept, by reason (rserpool.registrar.enrp.allow)");

    private static readonly KeyValuePair<string, object?> NotAllowedTag = new("reason", "not_allowed");

    private static readonly Counter<long> Takeovers = Meter.CreateCounter<long>("rserpool.takeovers", "{takeover}",
        "Takeovers of a silent registrar completed by this registrar (RFC 5353 §3.5)");

    private static readonly Histogram<double> ResolutionTime = Meter.CreateHistogram("rserpool.handle_resolution.duration", "s",
        "Time a pool takes to answer a handle resolution", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ServiceTimeBuckets });

    private static readonly Histogram<double> RegistrationTime = Meter.CreateHistogram("rserpool.registration.duration", "s",
        "Time a pool takes to answer a registration", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ServiceTimeBuckets });

    private static long _sessionsStarted;
    private static long _sessionsOpen;

    // Observed from the counts below (a PE server's sessions; docs/metrics.md "Servers and terminals").
    private static readonly ObservableCounter<long> Sessions = Meter.CreateObservableCounter("rserpool.pe_sessions", () => Volatile.Read(ref _sessionsStarted),
        "{session}", "PU sessions a PE server accepted (TCP shim or SCTP)");

    private static readonly ObservableGauge<long> OpenSessions = Meter.CreateObservableGauge("rserpool.pe_sessions_open", () => Volatile.Read(ref _sessionsOpen),
        "{session}", "PU sessions a PE server has open");

    // Tag values made once: recording allocates no string per message.
    private static readonly KeyValuePair<string, object?>[] RemovalTags =
        [.. Enum.GetValues<RemovalReason>().Select(reason => new KeyValuePair<string, object?>("reason", ReasonName(reason)))];

    private static readonly KeyValuePair<string, object?>[] TypeTags = [.. Enumerable.Range(0, 256).Select(type => TypeTag((EnrpMessageType)type))];

    private static readonly KeyValuePair<string, object?> Sent = new("direction", "sent");

    private static readonly KeyValuePair<string, object?> Received = new("direction", "received");

    /// <summary>A timestamp to pass to <see cref="HandleResolved"/> or <see cref="RegistrationAnswered"/>; 0 while nothing measures service times.</summary>
    public static long StartTiming(bool registration) =>
        (registration ? RegistrationTime.Enabled : ResolutionTime.Enabled) ? Stopwatch.GetTimestamp() : 0;

    public static void HandleResolved(long started)
    {
        HandleResolutions.Add(1);
        if (started != 0)
        {
            ResolutionTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>A registration accepted (counted before the answer goes out): <paramref name="added"/> a new PE, else a re-registration.</summary>
    public static void RegistrationAccepted(bool added) => (added ? Registrations : ReRegistrations).Add(1);

    /// <summary>A registration answered, accepted or not: its service time from <see cref="StartTiming"/>.</summary>
    public static void RegistrationAnswered(long started)
    {
        if (started != 0)
        {
            RegistrationTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>PU sessions this process's PE servers accepted since it started.</summary>
    public static long SessionsStarted => Volatile.Read(ref _sessionsStarted);

    /// <summary>PU sessions open at this process's PE servers now.</summary>
    public static long SessionsOpen => Volatile.Read(ref _sessionsOpen);

    public static void SessionStarted()
    {
        Interlocked.Increment(ref _sessionsStarted);
        Interlocked.Increment(ref _sessionsOpen);
    }

    public static void SessionEnded() => Interlocked.Decrement(ref _sessionsOpen);

    public static void Deregistered() => Deregistrations.Add(1);

    public static void UnreachableReported() => UnreachableReports.Add(1);

    public static void KeepAliveFailed() => KeepAliveFailures.Add(1);

    /// <summary>An inbound ENRP association refused at accept.</summary>
    public static void EnrpRefused(EnrpRefusalReason reason) => EnrpRefusals.Add(1, reason switch
    {
        EnrpRefusalReason.NotAllowed => NotAllowedTag,
        _ => new KeyValuePair<string, object?>("reason", reason.ToString()),
    });

    public static void Removed(RemovalReason reason) => Removals.Add(1, RemovalTags[(int)reason]);

    public static void TlsHandshakeFailed(TlsRefusal refusal) => TlsHandshakeFailures.Add(1, new KeyValuePair<string, object?>("reason", TlsRefusalNames.Of(refusal)));

    public static void TakeoverCompleted() => Takeovers.Add(1);

    public static void EnrpSent(EnrpMessageType type) => EnrpMessages.Add(1, TypeTags[(byte)type], Sent);

    public static void EnrpReceived(EnrpMessageType type) => EnrpMessages.Add(1, TypeTags[(byte)type], Received);

    /// <summary>A removal reason as the metric's label shows it: snake case (keep_alive_timeout).</summary>
    public static string ReasonName(RemovalReason reason) => reason switch
    {
        RemovalReason.Deregistered => "deregistered",
        RemovalReason.KeepAliveTimeout => "keep_alive_timeout",
        RemovalReason.AssociationLost => "association_lost",
        RemovalReason.RegistrationLifeExpired => "registration_life_expired",
        RemovalReason.Unreachable => "unreachable",
        RemovalReason.ReplicaRemoved => "replica_removed",
        _ => reason.ToString(),
    };

    private static KeyValuePair<string, object?> TypeTag(EnrpMessageType type) =>
        new("type", Enum.IsDefined(type) ? type.ToString() : "0x" + ((byte)type).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
}
