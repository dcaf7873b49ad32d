namespace RSerPool.Actors.Kernel;

/// <summary>A behavior of an <see cref="UntypedActor"/>; it calls <c>Unhandled</c> itself (Akka.NET's <c>UntypedReceive</c>).</summary>
public delegate void UntypedReceive(object message);
