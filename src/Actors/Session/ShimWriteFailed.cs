using System.Net.Sockets;

namespace RSerPool.Actors.Session;

internal sealed record ShimWriteFailed(string Reason) : ShimSocketEvent;
