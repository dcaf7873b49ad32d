using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// The registrar's entry for one pool actor: how many messages it routed there (see <see cref="PoolIdle"/>) and
/// its mirror of the pool's PEs (owner and association of each), from which the per-owner checksums and the
/// per-association counts are kept.
/// </summary>
internal sealed class PoolRoute(PoolHandle poolHandle, IActorRef actor)
{
    public PoolHandle PoolHandle { get; } = poolHandle;

    public IActorRef Actor { get; } = actor;

    public long Routed { get; set; }

    public Dictionary<uint, PoolMember> Members { get; } = [];
}
