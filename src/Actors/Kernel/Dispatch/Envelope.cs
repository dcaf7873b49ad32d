namespace RSerPool.Actors.Kernel.Dispatch;

/// <summary>A user message and its sender, stored by value in the mailbox queue (actor-kernel.md §2.2).</summary>
internal readonly struct Envelope(object message, IActorRef sender)
{
    public object Message { get; } = message;

    public IActorRef Sender { get; } = sender;

    public override string ToString() => $"{Message} from {Sender}";
}
