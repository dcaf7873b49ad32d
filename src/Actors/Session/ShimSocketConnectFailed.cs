using System.Net.Sockets;

namespace RSerPool.Actors.Session;

internal sealed record ShimSocketConnectFailed(string Reason) : ShimSocketEvent;
