// Who may open an ENRP association to this registrar without TLS (issue 17 item 0; RFC 5355 §2.5, a malicious ENRP server joining).
using System.Net;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Metrics;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Enrp;

internal sealed partial class EnrpActor
{
    // Bounds of the memory an address scan can make this registrar spend on its own bookkeeping.
    private const int MaxLoggedRefusals = 10_000;
    private const int MaxAnnouncedAddresses = 4_096;

    private readonly HashSet<IActorRef> _refused = [];
    private readonly HashSet<IPAddress> _refusalsLogged = [];
    private readonly HashSet<IPAddress> _announcedAddresses = [];

    /// <summary>
    /// Whether an inbound ENRP association from <paramref name="address"/> is accepted: it lies in
    /// <see cref="EnrpSettings.Allow"/>, or it is the address of a configured peer, a registrar the cluster reports, an
    /// endpoint this registrar connects to itself (learnt from an accepted peer's List Response), or, with announces on,
    /// a registrar whose UDP Presence was heard.
    /// </summary>
    private bool IsAllowed(IPAddress address) =>
        _settings.Allow is not { } allow
        || allow.Any(network => network.Contains(address))
        || _settings.Peers.Any(peer => SameAddress(peer.Address, address))
        || _clusterPeers.Any(peer => SameAddress(peer.EndPoint.Address, address))
        || _outbound.Keys.Any(endPoint => SameAddress(endPoint.Address, address))
        || _announcedAddresses.Contains(address);

    // Refuses an inbound association from a source not allowed: closed before any of its messages is processed,
    // logged at WARN once per source address, counted on the Meter.
    private bool RefusedAtAccept(AssociationEstablished established, IPAddress address)
    {
        if (OutboundOf(established.Association) is not null || IsAllowed(address))
        {
            return false;
        }

        _refused.Add(established.Association);
        Context.Watch(established.Association);
        established.Association.Tell(new CloseAssociation("source not allowed (rserpool.registrar.enrp.allow)"), Self);
        RSerPoolMetrics.EnrpRefused(EnrpRefusalReason.NotAllowed);
        if (_refusalsLogged.Count < MaxLoggedRefusals && _refusalsLogged.Add(address))
        {
            _log.Warning("registrar 0x{ServerId:x8}: ENRP association from {Address} refused: not in rserpool.registrar.enrp.allow "
                + "and not a configured, cluster or announcing peer (logged once per address)", _serverId, address);
        }

        return true;
    }

    // With announces on, a registrar heard by UDP Presence may connect (RFC 5353 §3.4: it is a peer).
    private void RememberAnnouncer(IPAddress address)
    {
        if (_announcedAddresses.Count < MaxAnnouncedAddresses)
        {
            _announcedAddresses.Add(Normalized(address));
        }
    }

    private static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool SameAddress(IPAddress configured, IPAddress address) => Normalized(configured).Equals(address);
}
