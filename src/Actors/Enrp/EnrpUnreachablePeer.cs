// A configured ENRP peer (RFC 5353 §3.4: static -peer endpoints, or the cluster's registrars) that cannot be connected to.
using System.Net;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// A configured peer endpoint with no association and no entry in the peer list: its server id is unknown until it
/// answers. <see cref="Attempts"/> counts the failed connects in a row, <see cref="Reason"/> is the last one's.
/// </summary>
public sealed record EnrpUnreachablePeer(IPEndPoint EndPoint, string Reason, int Attempts);
