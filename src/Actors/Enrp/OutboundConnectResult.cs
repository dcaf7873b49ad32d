// Outcome of an outbound ENRP connect (RFC 5353 §3), brought back into the actor.
using System.Net.Sockets;

namespace RSerPool.Actors.Enrp;

/// <summary>Internal: the connect task finished; <see cref="Socket"/> is null when it failed (<see cref="Reason"/>).</summary>
internal sealed record OutboundConnectResult(Socket? Socket, string Reason);
