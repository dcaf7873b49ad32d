using System.Net.Sockets;

namespace RSerPool.Actors.Session;

/// <summary>Internal: what the socket loops of a <see cref="ShimConnectionActor"/> tell the actor (never touching its state).</summary>
internal abstract record ShimSocketEvent
{
    public sealed record Connected(Socket Socket) : ShimSocketEvent;

    public sealed record ConnectFailed(string Reason) : ShimSocketEvent;

    public sealed record ReadEnded(string Reason, bool IsProtocolViolation) : ShimSocketEvent;

    public sealed record WriteFailed(string Reason) : ShimSocketEvent;

    public sealed record WritesDrained : ShimSocketEvent;
}
