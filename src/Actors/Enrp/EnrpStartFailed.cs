// docs/protocol-notes.md §10: the ENRP endpoint could not be opened.
using System.Net;

namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → registrar: cannot listen on <paramref name="EndPoint"/>; the ENRP actor stops.</summary>
internal sealed record EnrpStartFailed(IPEndPoint EndPoint, string Reason);
