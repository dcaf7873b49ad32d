namespace RSerPool.Actors.Kernel;

/// <summary>
/// Delivered once to a watcher when the watched actor has stopped (Akka.NET's <c>Terminated</c>).
/// <paramref name="ExistenceConfirmed"/> is false when the actor was already gone when the watch arrived.
/// </summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated);
