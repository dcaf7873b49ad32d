using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>The ref of no actor (Akka.NET's <c>Nobody</c>): drops messages, answers a watch with Terminated.</summary>
internal sealed class Nobody : InternalActorRef
{
    private Nobody()
        : base(ActorPath.Root("akka://all-systems").Child("Nobody"), 0)
    {
    }

    public static Nobody Instance { get; } = new();

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        if (sender is PromiseActorRef promise)
            promise.FailRecipientTerminated(this);
    }

    public override void SendSystemMessage(SystemMessage message) => AnswerAsNonExistent(this, message);
}
