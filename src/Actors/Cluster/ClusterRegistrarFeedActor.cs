// Registrars for a PE/PU process from the Akka cluster (issue 15 item 3; docs/cluster.md "PEs and pool users find
// registrars through the cluster"). Actor tree: rserpool-node ├── cluster-registrars ── registrar-directory.
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using RSerPool.Actors.Time;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Follows the cluster's registrars through a <see cref="RegistrarDirectoryActor"/> and tells the registrar client
/// (<see cref="RegistrarClient.RegistrarClientActor"/>) the reachable ones, best first
/// (<see cref="ClusterRegistrarsUpdated"/>, ordered by <see cref="RegistrarPreference"/>), whenever that list changes.
/// A registrar whose node is removed or unreachable leaves the list: the client then moves to another. Round trips and
/// loads are measured by asking each reachable registrar node for its endpoints (<see cref="GetRegistrarEndpoints"/>,
/// answered with its ASAP association count) over Akka.Remote every <see cref="ClusterRegistrarSettings.RoundTripInterval"/>.
/// DNS names in endpoints are resolved here.
/// </summary>
public sealed class ClusterRegistrarFeedActor : ReceiveActor, IWithTimers
{
    private const string ProbeTimer = "round-trip";

    private readonly ClusterRegistrarSettings _settings;
    private readonly IActorRef _client;
    private readonly bool _preferSctp;
    private readonly TimeProvider _clock = Context.System.Clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<IPAddress> _localAddresses = LocalAddresses();
    private readonly Dictionary<Address, TimeSpan> _roundTrips = [];
    private readonly Dictionary<Address, long> _probesSent = [];
    private readonly Dictionary<Address, int> _loads = [];
    private readonly Dictionary<string, IPAddress?> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly uint _spreadSeed;
    private IReadOnlyList<ClusterRegistrar> _registrars = [];
    private IReadOnlyList<ClusterRegistrarCandidate> _told = [];
    private bool _toldOnce;

    public ClusterRegistrarFeedActor(ClusterRegistrarSettings settings, IActorRef client, bool preferSctp)
    {
        _settings = settings;
        _client = client;
        _preferSctp = preferSctp;
        var self = Akka.Cluster.Cluster.Get(Context.System).SelfUniqueAddress;
        _spreadSeed = (uint)HashCode.Combine(self.Address.ToString(), self.Uid);

        Receive<RegistrarsChanged>(changed =>
        {
            _registrars = changed.Registrars;
            // A name is resolved again once no registrar names it (a restarted container may come back elsewhere).
            var named = _registrars.SelectMany(r => r.Endpoints.Asap).ToList();
            foreach (string host in _resolved.Keys.Where(h => !named.Any(e => e.Contains(h, StringComparison.OrdinalIgnoreCase))).ToList())
            {
                _resolved.Remove(host);
            }

            foreach (Address gone in _roundTrips.Keys.Where(a => !_registrars.Any(r => r.Address.Equals(a))).ToList())
            {
                _roundTrips.Remove(gone);
                _probesSent.Remove(gone);
                _loads.Remove(gone);
            }

            Probe();
            Tell();
        });
        Receive<RegistrarEndpoints>(endpoints => OnProbeAnswered(Sender.Path.Address, endpoints.AsapAssociations));
        Receive<ProbeRegistrarRoundTrips>(_ => Probe());
        Receive<RegistrarHostResolved>(resolved =>
        {
            _resolved[resolved.Host] = resolved.Address;
            if (resolved.Address is null)
            {
                _log.Warning("registrar host {Host} does not resolve: that registrar is skipped", resolved.Host);
            }

            Tell();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="settings">Directory role, retry and round-trip settings.</param>
    /// <param name="client">The registrar client that gets <see cref="ClusterRegistrarsUpdated"/>.</param>
    /// <param name="preferSctp">Take a registrar's SCTP endpoint when it has one (the client speaks SCTP).</param>
    public static Props Props(ClusterRegistrarSettings settings, IActorRef client, bool preferSctp) =>
        Akka.Actor.Props.Create(() => new ClusterRegistrarFeedActor(settings, client, preferSctp));

    protected override void PreStart()
    {
        var directory = Context.ActorOf(RegistrarDirectoryActor.Props(_settings.RegistrarRole, _settings.EndpointsRetryInterval), "registrar-directory");
        directory.Tell(SubscribeRegistrars.Instance, Self);
        Timers.StartPeriodicTimer(ProbeTimer, ProbeRegistrarRoundTrips.Instance, _settings.RoundTripInterval);
    }

    // One probe at a time per node; a node that never answers keeps its last round trip (reachability is the cluster's).
    private void Probe()
    {
        foreach (ClusterRegistrar registrar in _registrars.Where(r => r.Reachable))
        {
            if (_probesSent.TryGetValue(registrar.Address, out long sent) && _clock.GetElapsedTime(sent) < _settings.RoundTripInterval * 2)
            {
                continue;
            }

            _probesSent[registrar.Address] = _clock.GetTimestamp();
            Context.ActorSelection(new RootActorPath(registrar.Address) / "user" / RegistrarEndpointsActor.Name).Tell(GetRegistrarEndpoints.Instance, Self);
        }
    }

    private void OnProbeAnswered(Address from, int? load)
    {
        if (!_probesSent.Remove(from, out long sent))
        {
            return;
        }

        if (load is { } associations)
        {
            _loads[from] = associations;
        }

        TimeSpan sample = _clock.GetElapsedTime(sent);
        // Smoothed as TCP smooths its RTT (RFC 6298 §2: 7/8 old + 1/8 new), so one slow answer does not reorder.
        _roundTrips[from] = _roundTrips.TryGetValue(from, out TimeSpan old) ? (old * 7 + sample) / 8 : sample;
        Tell();
    }

    private void Tell()
    {
        var candidates = new List<ClusterRegistrarCandidate>();
        foreach (ClusterRegistrar registrar in _registrars.Where(r => r.Reachable))
        {
            if (AsapEndPoint(registrar) is { } endPoint)
            {
                bool sameHost = _localAddresses.Contains(endPoint.Address) || IPAddress.IsLoopback(endPoint.Address);
                TimeSpan? roundTrip = _roundTrips.TryGetValue(registrar.Address, out TimeSpan rtt) ? rtt : null;
                long? load = _loads.TryGetValue(registrar.Address, out int associations) ? associations : registrar.Endpoints.AsapAssociations;
                candidates.Add(new ClusterRegistrarCandidate(endPoint, registrar.Endpoints.ServerId, sameHost, roundTrip, load));
            }
        }

        var ordered = RegistrarPreference.Order(candidates, _settings.RoundTripTolerance, _spreadSeed);
        if (_toldOnce && ordered.Select(c => (c.AsapEndPoint, c.ServerId)).SequenceEqual(_told.Select(c => (c.AsapEndPoint, c.ServerId))))
        {
            return;
        }

        bool sameSet = _toldOnce && ordered.Select(c => c.AsapEndPoint).ToHashSet().SetEquals(_told.Select(c => c.AsapEndPoint));
        _toldOnce = true;
        _told = ordered;
        // A new set is news; a new order of the same registrars (round trips moved) is detail.
        string listed = ordered.Count == 0 ? "none" : string.Join(", ", ordered.Select(c => $"0x{c.ServerId:x8} at {c.AsapEndPoint}"));
        if (sameSet)
        {
            _log.Debug("registrars from the cluster, best first: {Registrars}", listed);
        }
        else
        {
            _log.Info("registrars from the cluster, best first: {Registrars}", listed);
        }
        _client.Tell(new ClusterRegistrarsUpdated(ordered), Self);
    }

    // The registrar's ASAP endpoint this client connects to: SCTP when it speaks SCTP and the registrar serves it, else TCP.
    private IPEndPoint? AsapEndPoint(ClusterRegistrar registrar)
    {
        var endpoints = registrar.Endpoints.Asap
            .Select(text => RegistrarEndpointText.TryParse(text, out string? transport, out string? host, out int port) ? (transport, host, port) : default)
            .Where(e => e.transport is not null)
            .ToList();
        var chosen = endpoints.FirstOrDefault(e => e.transport == (_preferSctp ? "sctp" : "tcp"));
        if (chosen.transport is null)
        {
            chosen = endpoints.FirstOrDefault(e => e.transport is "tcp" or "sctp");
        }

        if (chosen.transport is null)
        {
            return null;
        }

        if (IPAddress.TryParse(chosen.host, out IPAddress? address))
        {
            return new IPEndPoint(address, chosen.port);
        }

        if (_resolved.TryGetValue(chosen.host!, out IPAddress? resolved))
        {
            return resolved is null ? null : new IPEndPoint(resolved, chosen.port);
        }

        Resolve(chosen.host!);
        return null;
    }

    private void Resolve(string host)
    {
        _resolved[host] = null;   // once: an unresolvable name is not asked again on every change
        Dns.GetHostAddressesAsync(host).PipeTo(Self,
            success: addresses => new RegistrarHostResolved(host, addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()),
            failure: _ => new RegistrarHostResolved(host, null));
    }

    private static HashSet<IPAddress> LocalAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
