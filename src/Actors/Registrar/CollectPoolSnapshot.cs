using Akka.Actor;

namespace RSerPool.Actors.Registrar;

/// <summary>Registrar → pool actor: send a <see cref="PoolSnapshot"/> of your PEs to <paramref name="ReplyTo"/>.</summary>
internal sealed record CollectPoolSnapshot(IActorRef ReplyTo);
