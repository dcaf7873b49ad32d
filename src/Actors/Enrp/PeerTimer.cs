// RFC 5353 §3.4.3 liveness timers of one peer.
namespace RSerPool.Actors.Enrp;

/// <summary>Timer messages of <see cref="EnrpPeerActor"/>.</summary>
internal enum PeerTimer
{
    LastHeardExpired,
    NoResponseExpired,
}
