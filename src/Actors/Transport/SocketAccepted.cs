using System.Net.Sockets;

namespace RSerPool.Actors.Transport;

/// <summary>Internal: the accept loop has a new connection for the listener actor.</summary>
internal sealed record SocketAccepted(Socket Socket);
