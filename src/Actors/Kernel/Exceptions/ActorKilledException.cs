namespace RSerPool.Actors.Kernel;

/// <summary>Thrown by the kernel when an actor processes <see cref="Kill"/>; the default strategy stops it.</summary>
public class ActorKilledException(string message) : AkkaException(message);
