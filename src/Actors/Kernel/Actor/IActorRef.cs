namespace RSerPool.Actors.Kernel;

/// <summary>
/// An immutable handle to an actor (Akka.NET's <c>IActorRef</c>). Two refs are equal when they name the same
/// path and the same incarnation (uid), so a ref to a stopped actor never equals a ref to its successor.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path, e.g. <c>akka://sys/user/registrar</c>.</summary>
    ActorPath Path { get; }
}
