// Resource limits applied by the decoders (each limit is an option with a documented default).
namespace RSerPool.Wire;

/// <summary>
/// Ceilings the decoders enforce before they allocate. <c>default(WireLimits)</c> is not valid;
/// use <see cref="Default"/> or <c>new WireLimits { ... }</c> (unset properties keep the defaults).
/// </summary>
public readonly record struct WireLimits
{
    /// <summary>Largest message accepted, padding included. 65536 = the 16-bit Message Length field rounded up to 4.</summary>
    public const int DefaultMaxMessageLength = 65536;

    /// <summary>
    /// Parameters (at any depth, error causes included) accepted in one message. The default admits every message the
    /// encoder can produce (a 65535-byte message holds at most 16383 four-byte parameters), so our own output always decodes.
    /// </summary>
    public const int DefaultMaxParametersPerMessage = 16384;

    /// <summary>Nesting depth of parameters: message → PE → transport → address is depth 3.</summary>
    public const int DefaultMaxNestingDepth = 8;

    /// <summary>Address parameters per transport parameter (RSPLIB MAX_PE_TRANSPORTADDRESSES, docs/protocol-notes.md §4).</summary>
    public const int DefaultMaxAddressesPerTransport = 64;

    public WireLimits()
    {
    }

    public static WireLimits Default { get; } = new();

    public int MaxMessageLength { get; init; } = DefaultMaxMessageLength;

    public int MaxParametersPerMessage { get; init; } = DefaultMaxParametersPerMessage;

    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;

    public int MaxAddressesPerTransport { get; init; } = DefaultMaxAddressesPerTransport;
}
