// Settings of one PU session (services draft §3.3, §4.3-§4.6); every limit has a documented default.
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.Session;

/// <summary>Settings of a <c>Api.PoolSession</c>. Timeouts of zero or null switch the mechanism off where noted.</summary>
public sealed record PoolSessionOptions
{
    public static PoolSessionOptions Default { get; } = new();

    /// <summary>How long to wait for the resolver's answer to one selection (default 5 s).</summary>
    public TimeSpan SelectionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause before asking the resolver again after it found no PE (default 200 ms).</summary>
    public TimeSpan ReselectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Selections (each a PE tried) in one connect or failover before the session fails (default 20).</summary>
    public int MaxSelectionAttempts { get; init; } = 20;

    /// <summary>TCP connect timeout per PE (default 3 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Interval of shim heartbeats to the PE; null switches heartbeats off (default 1 s).</summary>
    public TimeSpan? HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A heartbeat unanswered for this long fails the PE over (a hung PE, default 3 s).</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Application-level timeout: an ack-requested message unacknowledged for this long fails the PE over; null
    /// switches it off (default null: a PE may take long to handle a message; heartbeats still catch a hung PE).
    /// </summary>
    public TimeSpan? AckTimeout { get; init; }

    /// <summary>Ack-requested messages kept until acknowledged; a send beyond fails (default 1024).</summary>
    public int MaxUnackedMessages { get; init; } = 1024;

    /// <summary>Sends queued while the session fails over; a send beyond fails (default 1024).</summary>
    public int MaxQueuedSends { get; init; } = 1024;

    /// <summary>Received messages the application has not read yet; beyond it the session fails (default 4096).</summary>
    public int ReceiveBufferCapacity { get; init; } = 4096;

    /// <summary>How long <c>Api.PoolSession.DisposeAsync</c> waits for queued writes (default 2 s).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Sent to every PE the session connects to (the PU's own failover PEs, RFC 5352 §2.2.13); null = none.</summary>
    public AsapBusinessCard? BusinessCard { get; init; }

    /// <summary>Frame and buffer limits of the connection (shim maximum frame length, pending send bytes).</summary>
    public ShimConnectionSettings Connection { get; init; } = ShimConnectionSettings.Default;

    /// <summary>How a session talks to a PE that registered an SCTP user transport (RFC 5352 §5): data PPID, acknowledgement.</summary>
    public SctpSessionSettings Sctp { get; init; } = SctpSessionSettings.Default;

    /// <summary>
    /// Called on the session's actor after each failover, before the cookie echo, the resent and the queued messages go
    /// out. Keep it short; a send made from it goes out after the queued ones.
    /// </summary>
    public Action<PoolSessionFailover>? OnFailover { get; init; }

    /// <summary>Called on the session's actor for every <see cref="PoolSessionNotification"/>.</summary>
    public Action<PoolSessionNotification>? OnNotification { get; init; }
}
