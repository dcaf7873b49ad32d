namespace RSerPool.Actors;

/// <summary>
/// Marks RSerPool's messages that may cross a process boundary (application actors, status and handlespace queries):
/// <c>akka.actor.serialization-bindings</c> binds this interface to Hyperion in <c>RSerPoolConfig.Library</c> (and the RSerPool extension adds the binding when it starts).
/// </summary>
public interface IRSerPoolMessage;
