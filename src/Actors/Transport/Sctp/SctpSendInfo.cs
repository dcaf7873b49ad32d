namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// struct sctp_sndinfo (RFC 6458 §5.3.4): stream, flags (<see cref="Unordered"/>, <see cref="Flags"/>), payload
/// protocol identifier, context and, on a one-to-many socket, the association the message goes to
/// (snd_assoc_id; ignored by one-to-one sockets).
/// </summary>
public readonly record struct SctpSendInfo(ushort Stream, uint PayloadProtocolId, bool Unordered = false, uint Context = 0, int AssociationId = 0,
    SctpSendFlags Flags = SctpSendFlags.None)
{
    /// <summary>SCTP_UNORDERED in snd_flags / rcv_flags.</summary>
    public const ushort UnorderedFlag = 0x0001;

    /// <summary>snd_flags as the kernel reads them: <see cref="Flags"/>, plus SCTP_UNORDERED when <see cref="Unordered"/>.</summary>
    public ushort WireFlags => (ushort)((ushort)Flags | (Unordered ? UnorderedFlag : 0));
}
