// The membership watch of cluster mode (docs/cluster.md "Membership watch"): the pool tells the registrar node's
// pool watch actor each change of a PE whose home is this registrar; nothing is sent while no watch is attached.
using Akka.Actor;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Handlespace;

namespace RSerPool.Actors.Registrar;

internal sealed partial class PoolActor
{
    private IActorRef? _watch;

    private void ReceiveWatch()
    {
        Receive<AttachPoolWatch>(attach =>
        {
            _received++;
            _watch = attach.Watch.IsNobody() ? null : attach.Watch;
            if (_watch is null)
            {
                ReportIfIdle();
                return;
            }

            var home = new List<Wire.Parameters.PoolElement>();
            foreach (Pool pool in _space.Pools)
            {
                foreach (PoolElementEntry entry in pool.Elements)
                {
                    if (entry.OwnerId == _serverId)
                    {
                        home.Add(entry.ToPoolElement());
                    }
                }
            }

            _watch.Tell(new PoolHomeElements(_poolHandle, [.. home]), Self);
            ReportIfIdle();
        });
    }

    private void TellWatchHome(PoolElementEntry entry, PoolChangeReason reason) =>
        _watch?.Tell(new HomeElementChanged(_poolHandle, HomeChange.Upserted, reason, entry.Identifier, entry.ToPoolElement()), Self);

    private void TellWatchLeft(uint identifier) =>
        _watch?.Tell(new HomeElementChanged(_poolHandle, HomeChange.Left, PoolChangeReason.TakenOver, identifier, null), Self);

    private void TellWatchRemoved(PoolElementEntry entry, RemovalReason reason)
    {
        if (_watch is not null && entry.OwnerId == _serverId)
        {
            _watch.Tell(new HomeElementChanged(_poolHandle, HomeChange.Removed, ReasonOf(reason), entry.Identifier, entry.ToPoolElement()), Self);
        }
    }

    private static PoolChangeReason ReasonOf(RemovalReason reason) => reason switch
    {
        RemovalReason.Deregistered => PoolChangeReason.Deregistered,
        RemovalReason.KeepAliveTimeout => PoolChangeReason.KeepAliveTimeout,
        RemovalReason.AssociationLost => PoolChangeReason.AssociationClosed,
        RemovalReason.RegistrationLifeExpired => PoolChangeReason.RegistrationLifeExpired,
        RemovalReason.Unreachable => PoolChangeReason.ReportedUnreachable,
        _ => PoolChangeReason.Resynchronized,
    };
}
