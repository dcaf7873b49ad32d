using Akka.Actor;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Pool watch actor → registrar → each pool actor: tell <paramref name="Watch"/> every change of a PE whose home is
/// this registrar (<see cref="HomeElementChanged"/>), after the pool's current home PEs (<see cref="PoolHomeElements"/>).
/// </summary>
internal sealed record AttachPoolWatch(IActorRef Watch);
