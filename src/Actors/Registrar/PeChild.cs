using Akka.Actor;

namespace RSerPool.Actors.Registrar;

/// <summary>A pool actor's record of one <see cref="PeRegistrationActor"/>: the actor, the current registration generation, the PE's association.</summary>
internal sealed class PeChild(IActorRef actor, long generation, AsapPeer peer)
{
    public IActorRef Actor { get; } = actor;

    public long Generation { get; set; } = generation;

    public AsapPeer Peer { get; set; } = peer;
}
