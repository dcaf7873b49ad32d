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

    /// <summary>Decoder limits (parameters per message, nesting, addresses).</summary>
    public WireLimits WireLimits { get; init; } = WireLimits.Default;
}
