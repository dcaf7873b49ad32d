using System.Net;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Pool → registrar: a PE adopted by a takeover has no association here but announced a TCP ASAP endpoint
/// (docs/protocol-notes.md §2): connect to it so the PE can be sent Keep Alive with H=1 (RFC 5353 §3.5.2).
/// </summary>
internal sealed record ConnectAdoptedPe(PoolHandle PoolHandle, uint Identifier, IPEndPoint AsapEndPoint);
