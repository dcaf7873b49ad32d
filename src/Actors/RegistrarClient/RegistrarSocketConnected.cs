using System.Net.Sockets;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal: a connect attempt produced a connected TCP socket; the client wraps it in an association actor.</summary>
internal sealed record RegistrarSocketConnected(long Attempt, Socket Socket);
