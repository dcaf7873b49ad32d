using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// What every <see cref="PeRegistrationActor"/> of one pool shares: the pool, this registrar's id, the keep-alive
/// timing (docs/protocol-notes.md §9) and the clock. One instance per pool actor, so each PE actor holds one reference
/// instead of its own copies. <paramref name="Deploy"/>: the PE actors' mailbox (<see cref="PeMailbox"/>) and the pool's
/// dispatcher, one Deploy for all (Props.WithMailbox would copy it for every PE).
/// </summary>
internal sealed record PeSupervision(PoolHandle PoolHandle, uint ServerId, TimeSpan KeepAliveInterval, TimeSpan KeepAliveTimeout, TimeProvider Clock,
    Deploy Deploy);
