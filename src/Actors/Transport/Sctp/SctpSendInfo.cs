namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// struct sctp_sndinfo (RFC 6458 §5.3.4): stream, flags (<see cref="Unordered"/>), payload protocol identifier and
/// context of one outgoing message.
/// </summary>
public readonly record struct SctpSendInfo(ushort Stream, uint PayloadProtocolId, bool Unordered = false, uint Context = 0)
{
    /// <summary>SCTP_UNORDERED in snd_flags / rcv_flags.</summary>
    public const ushort UnorderedFlag = 0x0001;
}
