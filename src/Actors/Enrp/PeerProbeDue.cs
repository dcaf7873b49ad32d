// RFC 5353 §3.4: MAX-TIME-LAST-HEARD expired; probe with Presence R=1.
namespace RSerPool.Actors.Enrp;

/// <summary>Peer actor → ENRP: send the peer a Presence with R=1.</summary>
internal sealed record PeerProbeDue(uint ServerId);
