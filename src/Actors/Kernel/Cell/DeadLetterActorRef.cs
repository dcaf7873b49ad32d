using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>The system's dead-letter ref: everything told to it is published as a <see cref="Event.DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorPath path, ActorSystem system) : InternalActorRef(path, 0)
{
    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.HandleDeadLetter(message, sender ?? this, this);
    }

    public override void SendSystemMessage(SystemMessage message) => AnswerAsNonExistent(this, message);
}
