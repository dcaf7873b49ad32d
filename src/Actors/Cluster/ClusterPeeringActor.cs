using System.Net;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// A clustered registrar's link from Akka.Cluster to ENRP (issue 15 items 1 and 2). Its child
/// <see cref="RegistrarDirectoryActor"/> follows the registrar nodes; from each <see cref="RegistrarsChanged"/> it
/// tells the registrar (which forwards to its ENRP actor) the other registrars' ENRP endpoints
/// (<see cref="ClusterPeersChanged"/>, DNS names resolved first), and when a registrar is removed from the cluster,
/// if this registrar has the lowest Server Identifier among the reachable survivors, that it is to take the removed
/// one over now (<see cref="ClusterRegistrarRemoved"/>). One initiator keeps takeovers uncontested; ENRP's own timers
/// still run on every survivor, so a takeover happens even if the chosen one fails too.
/// </summary>
internal sealed class ClusterPeeringActor : ReceiveActor
{
    private readonly uint _serverId;
    private readonly IActorRef _registrar;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly string _role;
    private readonly TimeSpan _retryInterval;
    private Dictionary<Address, uint> _known = [];
    private IReadOnlyList<ClusterEnrpPeer> _told = [];
    private long _version;

    public ClusterPeeringActor(uint serverId, IActorRef registrar, ClusterSettings settings)
    {
        _serverId = serverId;
        _registrar = registrar;
        _role = settings.RegistrarRole;
        _retryInterval = settings.EndpointsRetryInterval;
        Receive<RegistrarsChanged>(OnRegistrarsChanged);
        Receive<ResolvedClusterPeers>(resolved => resolved.Version == _version, OnResolved);
        Receive<ResolvedClusterPeers>(_ => { });   // a newer view is being resolved
    }

    public static Props Props(uint serverId, IActorRef registrar, ClusterSettings settings) =>
        Akka.Actor.Props.Create(() => new ClusterPeeringActor(serverId, registrar, settings));

    protected override void PreStart()
    {
        var directory = Context.ActorOf(RegistrarDirectoryActor.Props(_role, _retryInterval), "directory");
        directory.Tell(SubscribeRegistrars.Instance, Self);
    }

    private void OnRegistrarsChanged(RegistrarsChanged changed)
    {
        // A node the cluster downed or that is leaving sees every other member removed: that is its own end, not theirs
        // (docs/protocol-notes.md §11 rule 7), so it takes nobody over.
        bool member = !_cluster.IsTerminated && _cluster.SelfMember.Status == MemberStatus.Up;
        var now = changed.Registrars.ToDictionary(registrar => registrar.Address, registrar => registrar.Endpoints.ServerId);
        var survivors = changed.Registrars.Where(registrar => registrar.Reachable).Select(registrar => registrar.Endpoints.ServerId).Append(_serverId).ToHashSet();
        foreach (var (address, serverId) in _known)
        {
            if (!member || now.ContainsKey(address) || serverId == _serverId || survivors.Contains(serverId))
            {
                continue;   // still there, ourselves, or back under a new address
            }

            if (survivors.Min() == _serverId)
            {
                _log.Info("registrar 0x{ServerId:x8}: the cluster removed registrar 0x{PeerId:x8} ({Address}): taking it over now", _serverId, serverId, address);
                _registrar.Tell(new ClusterRegistrarRemoved(serverId), Self);
            }
            else
            {
                _log.Info("registrar 0x{ServerId:x8}: the cluster removed registrar 0x{PeerId:x8} ({Address}); 0x{TakerId:x8} takes it over", _serverId, serverId, address, survivors.Min());
            }
        }

        _known = now;
        var wanted = changed.Registrars
            .Where(registrar => registrar.Endpoints.ServerId != _serverId && registrar.Endpoints.Enrp.Count > 0)
            .Select(registrar => (registrar.Endpoints.ServerId, registrar.Endpoints.Enrp[0]))
            .ToList();
        long version = ++_version;
        ResolveAsync(version, wanted).PipeTo(Self);
    }

    private void OnResolved(ResolvedClusterPeers resolved)
    {
        if (resolved.Peers.SequenceEqual(_told))
        {
            return;
        }

        _told = resolved.Peers;
        _log.Info("registrar 0x{ServerId:x8}: ENRP peers from the cluster: {Peers}", _serverId,
            resolved.Peers.Count == 0 ? "none" : string.Join(", ", resolved.Peers.Select(peer => $"0x{peer.ServerId:x8} at {peer.EndPoint}")));
        _registrar.Tell(new ClusterPeersChanged(resolved.Peers), Self);
    }

    // An endpoint whose host is a DNS name (a cluster hostname) is resolved here, off the actor's thread; one that does
    // not parse or resolve is left out (logged) and tried again with the next view.
    private static async Task<ResolvedClusterPeers> ResolveAsync(long version, IReadOnlyList<(uint ServerId, string Endpoint)> wanted)
    {
        var peers = new List<ClusterEnrpPeer>(wanted.Count);
        foreach (var (serverId, endpoint) in wanted)
        {
            if (!RegistrarEndpointText.TryParse(endpoint, out _, out string? host, out int port))
            {
                continue;
            }

            IPAddress? address = IPAddress.TryParse(host, out IPAddress? literal) ? literal : await FirstAddressAsync(host).ConfigureAwait(false);
            if (address is not null)
            {
                peers.Add(new ClusterEnrpPeer(serverId, new IPEndPoint(address, port)));
            }
        }

        return new ResolvedClusterPeers(version, peers.OrderBy(peer => peer.ServerId).ToList());
    }

    private static async Task<IPAddress?> FirstAddressAsync(string host)
    {
        try
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            return addresses.FirstOrDefault(address => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
    }
}
