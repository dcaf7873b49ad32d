// PEs adopted by a takeover that the new home reaches over TCP (RFC 5353 §3.5.2; docs/protocol-notes.md §2).
using System.Net;
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using Akka.Event;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

internal sealed partial class PoolActor
{
    private void ReceiveAdoption()
    {
        Receive<AdoptedPeAttached>(attached =>
        {
            _received++;
            Attach(attached);
            ReportIfIdle();
        });
        Receive<AdoptedPeUnreachable>(unreachable =>
        {
            _received++;
            if (_children.TryGetValue(unreachable.Identifier, out PeChild? child) && child.Peer.Id == 0)
            {
                _log.Info("adopted PE 0x{PeId:x8} in {PoolHandle} unreachable: {Reason}", unreachable.Identifier, _poolHandle, unreachable.Reason);
                Remove(unreachable.Identifier, RemovalReason.KeepAliveTimeout);
            }

            ReportIfIdle();
        });
    }

    // An adopted PE without an association here that announced a TCP ASAP endpoint: the registrar connects to it.
    private bool RequestAssociation(PoolElementEntry entry)
    {
        if (entry.AsapTransport is not TcpTransport { Port: > 0 } tcp || tcp.Addresses.Count == 0)
        {
            return false;
        }

        Context.Parent.Tell(new ConnectAdoptedPe(_poolHandle, entry.Identifier, new IPEndPoint(tcp.Addresses[0], tcp.Port)), Self);
        return true;
    }

    // The association to the adopted PE is up: it becomes the PE's association here (as if it had registered over
    // it) and the PE actor sends Keep Alive with H=1 (RFC 5353 §3.5.2).
    private void Attach(AdoptedPeAttached attached)
    {
        if (!_children.TryGetValue(attached.Identifier, out PeChild? child) || child.Peer.Id != 0
            || !_space.TryGetElement(_poolHandle, attached.Identifier, out PoolElementEntry? entry) || entry.OwnerId != _serverId)
        {
            return;   // re-registered meanwhile, or gone
        }

        _space.Register(_poolHandle, entry.ToPoolElement(), _serverId, attached.Peer.Id);
        child.Peer = attached.Peer;
        child.Actor.Tell(attached, Self);
        _registered.Add(new PoolElementRegistered(_poolHandle, attached.Identifier, _serverId, attached.Peer.Id));
        TellRegistered();
    }
}
