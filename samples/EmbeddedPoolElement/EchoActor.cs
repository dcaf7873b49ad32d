using Akka.Actor;
using RSerPool.Actors.Api;

namespace RSerPool.Samples.EmbeddedPoolElement;

/// <summary>An ordinary application actor: answers each pool user's message with the same bytes.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<PoolUserRequest>(request => Sender.Tell(new PoolElementReply(request.Payload)));
        Receive<PoolUserSessionOpened>(_ => { });                           // an echo keeps no per-session state
        Receive<PoolUserSessionClosed>(_ => { });
    }
}
