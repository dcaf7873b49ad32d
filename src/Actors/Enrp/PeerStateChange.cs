// RFC 5353 §3.2.3, §3.6: the peer's synchronisation state moved.
namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → peer actor: enter <paramref name="State"/>.</summary>
internal sealed record PeerStateChange(EnrpPeerState State);
