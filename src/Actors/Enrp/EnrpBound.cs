// docs/protocol-notes.md §10: the ENRP endpoint is open.
using System.Net;

namespace RSerPool.Actors.Enrp;

/// <summary>
/// ENRP → registrar: ENRP is served on <paramref name="LocalEndPoint"/> (real port when 0 was asked) over
/// <paramref name="Transports"/> (told once the additional transport, if any, is bound or has failed).
/// </summary>
internal sealed record EnrpBound(IPEndPoint LocalEndPoint, IReadOnlyList<string> Transports);
