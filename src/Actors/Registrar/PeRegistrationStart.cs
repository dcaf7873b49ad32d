namespace RSerPool.Actors.Registrar;

/// <summary>
/// The one constructor argument of a <see cref="PeRegistrationActor"/>. Props keep their arguments for the actor's
/// life; one object costs less than six boxed ones (docs/bench-akka.md).
/// </summary>
internal sealed record PeRegistrationStart(PeSupervision Supervision, uint Identifier, AsapPeer Peer, int RegistrationLifeMs, long Generation, bool TakenOver,
    bool AwaitsAssociation);
