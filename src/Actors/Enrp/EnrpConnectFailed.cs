// Outcome of an outbound ENRP connect (RFC 5353 §3), reported to the ENRP actor.
using System.Net;

namespace RSerPool.Actors.Enrp;

/// <summary>Internal: an outbound association to <see cref="Remote"/> could not connect (<see cref="Reason"/>); it stops next.</summary>
internal sealed record EnrpConnectFailed(IPEndPoint Remote, string Reason);
