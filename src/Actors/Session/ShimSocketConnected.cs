using System.Net.Sockets;

namespace RSerPool.Actors.Session;

internal sealed record ShimSocketConnected(Socket Socket) : ShimSocketEvent;
