namespace RSerPool.Actors.Kernel;

/// <summary>An actor name is empty, malformed, reserved (starts with '$') or not unique among its siblings.</summary>
public class InvalidActorNameException(string message) : AkkaException(message);
