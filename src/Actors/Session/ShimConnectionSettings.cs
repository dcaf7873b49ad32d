// Limits of one PU-PE shim connection (docs/session-shim.md §4).
using RSerPool.Wire.Session;

namespace RSerPool.Actors.Session;

/// <summary>Limits of one shim connection, PU or PE side.</summary>
public sealed record ShimConnectionSettings
{
    public static ShimConnectionSettings Default { get; } = new();

    /// <summary>Reader limits: largest frame (default 1 MiB + 16) and embedded ASAP limits.</summary>
    public ShimLimits Limits { get; init; } = ShimLimits.Default;

    /// <summary>Bytes queued for sending before the peer counts as stuck and the connection closes (default 4 MiB).</summary>
    public int MaxPendingSendBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Initial receive buffer; it grows up to one maximum-size frame (default 16 KiB).</summary>
    public int ReceiveBufferSize { get; init; } = 16 * 1024;
}
