namespace RSerPool.Actors.Kernel;

/// <summary>The actor's constructor, <c>PreStart</c> or <c>PostRestart</c> threw; the default strategy stops such a child.</summary>
public class ActorInitializationException : AkkaException
{
    public ActorInitializationException(IActorRef? actor, string message, Exception? cause)
        : base(message, cause) => Actor = actor;

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; }
}
