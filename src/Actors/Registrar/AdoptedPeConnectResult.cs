using System.Net;
using System.Net.Sockets;

namespace RSerPool.Actors.Registrar;

/// <summary>Internal to the registrar: the connect to an adopted PE's ASAP endpoint ended (socket on success, else the reason).</summary>
internal sealed record AdoptedPeConnectResult(IPEndPoint AsapEndPoint, Socket? Socket, string? Reason);
