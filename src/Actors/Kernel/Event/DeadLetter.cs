namespace RSerPool.Actors.Kernel.Event;

/// <summary>A message that could not be delivered, published on the event stream (Akka.NET's <c>DeadLetter</c>).</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);
