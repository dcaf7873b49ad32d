// The PU-PE channel over kernel SCTP (RFC 5352 §5): every limit a setting with a documented default.
using RSerPool.Actors.Transport.Sctp;

namespace RSerPool.Actors.Session;

/// <summary>Settings of the SCTP session connections (<see cref="SctpSessionConnectionActor"/>) and of a PE's SCTP session server.</summary>
public sealed record SctpSessionSettings
{
    public static SctpSessionSettings Default { get; } = new();

    /// <summary>
    /// PPID of the application data this side sends (RFC 5352 §5: anything but 11). Default 0 (unspecified), what
    /// RSPLIB's echo, discard, daytime and chargen services use; RSPLIB's ping-pong protocol uses 33.
    /// </summary>
    public uint DataPayloadProtocolId { get; init; }

    /// <summary>Answer with the PPID of the last application message received (a PE serving any protocol; default true).</summary>
    public bool ReplyWithReceivedPayloadProtocolId { get; init; } = true;

    /// <summary>SCTP stream of everything sent (default 0, as RSPLIB).</summary>
    public ushort Stream { get; init; }

    /// <summary>When ack-requested messages count as acknowledged (default <see cref="SctpDataAcknowledgement.OnSend"/>).</summary>
    public SctpDataAcknowledgement Acknowledgement { get; init; } = SctpDataAcknowledgement.OnSend;

    /// <summary>Longest message received; a longer one closes the association (default 64 KiB + 16).</summary>
    public int MaxMessageLength { get; init; } = 64 * 1024 + 16;

    /// <summary>Bytes queued for sending before a peer that does not read is dropped (default 4 MiB).</summary>
    public long MaxPendingSendBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest wait of the read and write threads on the socket before they look at cancellation (default 200 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Listen backlog of a PE's SCTP user transport (default 128).</summary>
    public int ListenBacklog { get; init; } = 128;

    /// <summary>
    /// Socket style of a PE's SCTP user transport (RFC 6458 §3, §4; a PU's connection is always one-to-one): one-to-many
    /// (default: one SOCK_SEQPACKET socket and one read loop for every PU association) or one-to-one (a socket and a
    /// read thread per association). Same messages, limits and behaviour either way.
    /// </summary>
    public SctpSocketStyle SocketStyle { get; init; } = SctpSocketStyle.OneToMany;

    /// <summary>The SCTP send parameters of ASAP control messages: PPID 11 on <see cref="Stream"/> (RFC 5352 §5).</summary>
    internal SctpSendInfo ControlSendInfo => new(Stream, SctpPayloadProtocol.Asap);
}
