// Resource limits of the shim reader (docs/session-shim.md §4; each limit a setting with a documented default).
namespace RSerPool.Wire.Session;

/// <summary>Limits of one shim stream.</summary>
public readonly record struct ShimLimits
{
    /// <summary>Default largest frame, header included: 1 MiB + 16.</summary>
    public const int DefaultMaxFrameLength = (1024 * 1024) + 16;

    public ShimLimits()
    {
    }

    public static ShimLimits Default => new();

    /// <summary>Largest frame accepted, the 8-byte header included; a longer declared length fails before the body is awaited.</summary>
    public int MaxFrameLength { get; init; } = DefaultMaxFrameLength;

    /// <summary>Limits for the ASAP message inside a PPID 11 frame.</summary>
    public WireLimits AsapLimits { get; init; } = WireLimits.Default;
}
