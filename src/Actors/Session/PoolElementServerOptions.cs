// Settings of a PE's user-transport server (services draft §3.3 session mode, PE side).
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.Session;

/// <summary>Settings of a <c>Api.PoolElementServer</c>; every limit has a documented default.</summary>
public sealed record PoolElementServerOptions
{
    public static PoolElementServerOptions Default { get; } = new();

    /// <summary>Sessions served at once; further connections are closed at once (default 1024).</summary>
    public int MaxSessions { get; init; } = 1024;

    /// <summary>Sessions from one source address; more are closed at once, so one host cannot take every slot (default 256).</summary>
    public int MaxSessionsPerHost { get; init; } = 256;

    /// <summary>
    /// A PU connection over TCP that sends no complete frame within this is closed (a stalled or half-sent first frame;
    /// PUs send a heartbeat every second, default 10 s).
    /// </summary>
    public TimeSpan FirstFrameTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Listen backlog (default 512).</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>Sent to each PU when its session opens (this PE's failover PEs, RFC 5352 §2.2.13); null = none.</summary>
    public AsapBusinessCard? BusinessCard { get; init; }

    /// <summary>Frame and buffer limits of each connection (shim maximum frame length, pending send bytes).</summary>
    public ShimConnectionSettings Connection { get; init; } = ShimConnectionSettings.Default;
}
