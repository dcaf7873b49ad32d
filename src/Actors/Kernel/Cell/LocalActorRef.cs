using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>The ref of an actor living in this process: tells go straight into its mailbox.</summary>
internal sealed class LocalActorRef(ActorPath path, int uid) : InternalActorRef(path, uid)
{
    public ActorCell Cell { get; set; } = null!;

    public override bool IsTerminated => Cell.Mailbox.IsClosed;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(new Envelope(message, sender ?? Cell.System.DeadLetters));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);
}
