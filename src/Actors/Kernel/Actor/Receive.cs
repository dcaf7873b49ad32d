namespace RSerPool.Actors.Kernel;

/// <summary>A behavior: returns true when it handled <paramref name="message"/> (Akka.NET's <c>Receive</c>).</summary>
public delegate bool Receive(object message);
