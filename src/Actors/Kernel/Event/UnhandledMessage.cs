namespace RSerPool.Actors.Kernel.Event;

/// <summary>A message no behavior of the recipient handled, published on the event stream (Akka.NET's <c>UnhandledMessage</c>).</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
