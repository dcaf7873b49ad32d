namespace RSerPool.Actors.Kernel;

/// <summary>An operation was used where the actor's state does not allow it (e.g. stashing outside a handler).</summary>
public class IllegalActorStateException(string message) : AkkaException(message);
