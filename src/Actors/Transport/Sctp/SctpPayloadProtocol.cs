namespace RSerPool.Actors.Transport.Sctp;

/// <summary>SCTP Payload Protocol Identifiers of RSerPool (IANA; RFC 5352 §8.3, RFC 5353 §5.4).</summary>
public static class SctpPayloadProtocol
{
    public const uint Asap = 11;
    public const uint Enrp = 12;
}
