// One entry of the ENRP peer list (RFC 5353 §3.4).
using System.Net;

namespace RSerPool.Actors.Enrp;

/// <summary>A peer as <see cref="EnrpStatus"/> shows it.</summary>
public sealed record EnrpPeerStatus(uint ServerId, IPEndPoint? EndPoint, EnrpPeerState State, bool Silent);
