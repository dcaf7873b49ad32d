namespace RSerPool.Actors;

/// <summary>
/// Marks RSerPool's messages that may cross a process boundary (application actors, status and handlespace queries):
/// <c>akka.actor.serialization-bindings</c> binds this interface to Hyperion in the library's reference configuration.
/// </summary>
public interface IRSerPoolMessage;
