// enrp.md §4.2 liveness timers of one peer.
namespace RSerPool.Actors.Enrp;

/// <summary>Timer messages of <see cref="EnrpPeerActor"/>.</summary>
internal enum PeerTimer
{
    LastHeardExpired,
    NoResponseExpired,
}
