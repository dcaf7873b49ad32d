using Akka.Actor;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Api;

/// <summary>
/// One per session of a PE actor: the sender of everything the application actor gets from that session, and what it
/// answers to. Turns <see cref="PoolElementReply"/>, <see cref="PoolElementCookie"/> and
/// <see cref="ClosePoolUserSession"/> into calls on the session (each a message to the session's actor).
/// </summary>
internal sealed class PoolElementSessionRelayActor : ReceiveActor
{
    public PoolElementSessionRelayActor(IPoolElementSessionContext session)
    {
        Receive<PoolElementReply>(reply => session.Send(reply.Payload));
        Receive<PoolElementCookie>(cookie => session.SendCookie(cookie.Cookie));
        Receive<ClosePoolUserSession>(_ => session.Close());
    }

    public static Props Props(IPoolElementSessionContext session) => Akka.Actor.Props.Create(() => new PoolElementSessionRelayActor(session));
}
