// RFC 5353 §3.4: MAX-TIME-NO-RESPONSE expired; the peer is considered dead.
namespace RSerPool.Actors.Enrp;

/// <summary>Peer actor → ENRP: the peer did not answer the probe.</summary>
internal sealed record PeerSilent(uint ServerId);
