// RFC 5353 §3.4.2 sending: the heartbeat's Presence by UDP.
namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → UDP Presence actor: send <paramref name="Datagram"/> (an encoded Presence) to every target.</summary>
internal sealed record SendPresenceDatagram(byte[] Datagram);
