using Akka.Actor;

namespace RSerPool.Actors.Registrar;

/// <summary>A pool actor's record of one <see cref="PeRegistrationActor"/>: the actor, the current registration generation, the PE's association.</summary>
internal sealed class PeChild(IActorRef actor, long generation, AsapPeer peer)
{
    public IActorRef Actor { get; } = actor;

    public long Generation { get; set; } = generation;

    public AsapPeer Peer { get; set; } = peer;

    /// <summary>Asked to confirm its home here after this registrar was taken over (<see cref="ConfirmHome"/>).</summary>
    public bool ConfirmingHome { get; set; }

    /// <summary>The taker's audit or DEL_PE removed the PE while it was confirming: removed here unless it confirms.</summary>
    public bool RemovedByOwner { get; set; }
}
