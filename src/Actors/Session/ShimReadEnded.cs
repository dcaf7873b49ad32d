using System.Net.Sockets;

namespace RSerPool.Actors.Session;

internal sealed record ShimReadEnded(string Reason, bool IsProtocolViolation) : ShimSocketEvent;
