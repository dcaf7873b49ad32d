using Akka.Actor;

namespace RSerPool.Actors.Tests.Registrar.Support;

/// <summary>A parent for one child under test: forwards the child's messages to <c>target</c> and messages from others to the child.</summary>
public sealed class ForwardingParent : ReceiveActor
{
    public ForwardingParent(Props child, IActorRef target)
    {
        IActorRef created = Context.ActorOf(child, "child");
        ReceiveAny(message =>
        {
            if (Sender.Equals(created))
            {
                target.Tell(message, Self);
            }
            else
            {
                created.Forward(message);
            }
        });
    }
}
