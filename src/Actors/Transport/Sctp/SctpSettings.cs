namespace RSerPool.Actors.Transport.Sctp;

/// <summary>How one SCTP association carries its protocol's messages (RFC 5352 §5, RFC 5353 §3.1).</summary>
public sealed record SctpSettings
{
    /// <summary>ASAP: PPID 11 on stream 0.</summary>
    public static SctpSettings Asap { get; } = new() { PayloadProtocolId = SctpPayloadProtocol.Asap };

    /// <summary>ENRP: PPID 12 on stream 0.</summary>
    public static SctpSettings Enrp { get; } = new() { PayloadProtocolId = SctpPayloadProtocol.Enrp, ReusePort = true };

    /// <summary>PPID of every message sent; received messages with another PPID are discarded (logged).</summary>
    public uint PayloadProtocolId { get; init; }

    /// <summary>Stream of every message sent.</summary>
    public ushort Stream { get; init; }

    /// <summary>Send unordered (SCTP_UNORDERED); off for ASAP/ENRP, whose messages depend on their order.</summary>
    public bool Unordered { get; init; }

    /// <summary>
    /// SO_REUSEPORT on the listener (default false; true for <see cref="Enrp"/>): ENRP associations opened by a registrar
    /// leave from its ENRP port, because RSPLIB accepts a Presence only when its Server Information names the
    /// association's remote address and port (one association per pair of registrars, as RSPLIB needs: docs/interop.md).
    /// </summary>
    public bool ReusePort { get; init; }

    /// <summary>
    /// Longest wait of the read and accept loops before they look whether their actor stopped; bounds how long a
    /// closed socket's descriptor stays open.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Pending connections the kernel queues for a listener (listen backlog).</summary>
    public int ListenBacklog { get; init; } = 512;
}
