using RSerPool.Wire;

namespace RSerPool.Actors.Transport;

/// <summary>Limits of one stream association (docs/protocol-notes.md §2 framing).</summary>
public sealed record AssociationSettings
{
    public static AssociationSettings Default { get; } = new();

    /// <summary>Largest message accepted; a longer declared length closes the association before buffering.</summary>
    public int MaxMessageLength { get; init; } = WireLimits.Default.MaxMessageLength;

    /// <summary>Bytes queued for sending before the peer counts as stuck and the association is closed.</summary>
    public int MaxPendingSendBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Initial size of the receive buffer; it grows up to one maximum-size message.</summary>
    public int ReceiveBufferSize { get; init; } = 16 * 1024;

    /// <summary>
    /// Requests read from the peer and not yet answered; at this many the association stops reading until one is
    /// answered, so a flood queues nothing in the actors behind it and other peers' requests keep their turn.
    /// </summary>
    public int MaxInFlightRequests { get; init; } = 32;

    /// <summary>Bytes queued for sending above which the association stops reading: a peer that does not read its answers is not read.</summary>
    public int PauseReadingAboveBytes { get; init; } = 64 * 1024;

    /// <summary>An accepted connection that sends no complete message within this is closed (a stalled or half-sent first message).</summary>
    public TimeSpan FirstMessageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A message whose first bytes arrived must complete within this (checked every <see cref="LivenessCheckInterval"/>).</summary>
    public TimeSpan PartialFrameTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes queued towards the peer with none taken by it for this long (or answers still owed this long after it
    /// stopped sending) close the association.
    /// </summary>
    public TimeSpan SendStallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most associations accepted from one source address; more are refused so one host cannot take every slot.</summary>
    public int MaxAssociationsPerHost { get; init; } = 1000;

    /// <summary>Period of the liveness check: a quarter of the shortest timeout above, so each fires at most 25 % late.</summary>
    public TimeSpan LivenessCheckInterval =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 10,
            Math.Min(FirstMessageTimeout.Ticks, Math.Min(PartialFrameTimeout.Ticks, SendStallTimeout.Ticks)) / 4));

    /// <summary>Where refusals and forced closes are counted; give each listener its own to tell them apart.</summary>
    public ConnectionCounters Counters { get; init; } = new();

    /// <summary>
    /// TLS over this TCP association (README "TLS"; rserpool.tls), null for plaintext. SCTP associations ignore it:
    /// SCTP stays plaintext for RSPLIB interop.
    /// </summary>
    public TlsCredentials? Tls { get; init; }

    /// <summary>Decoder limits (parameters per message, nesting, addresses).</summary>
    public WireLimits WireLimits { get; init; } = WireLimits.Default;
}
