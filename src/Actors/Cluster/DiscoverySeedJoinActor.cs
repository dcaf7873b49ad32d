// Cluster formation from Akka.Discovery (rserpool.cluster.bootstrap = config | kubernetes; docs/cluster.md "Cluster bootstrap").
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Discovery;
using Akka.Event;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Finds the cluster's nodes through an Akka.Discovery method and hands them to Akka.Cluster as its seed nodes
/// (<c>Cluster.JoinSeedNodes</c>), sorted by address so that every node starting at the same time gets the same list.
/// It looks up the service every <see cref="ClusterDiscoverySettings.Interval"/> until at least
/// <see cref="ClusterDiscoverySettings.RequiredContactPoints"/> nodes are found, then joins once and stops. Forming and
/// joining are Akka's seed-node process: the first node of the list forms a new cluster only when none of the others
/// answers as a member within <c>akka.cluster.seed-node-timeout</c>; every other node joins one that does.
/// </summary>
public sealed class DiscoverySeedJoinActor : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "lookup";

    private readonly ClusterDiscoverySettings _settings;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private int _lastFound = -1;

    public DiscoverySeedJoinActor(ClusterDiscoverySettings settings)
    {
        _settings = settings;
        Receive<LookUpSeedNodes>(_ => LookUp());
        Receive<ServiceDiscovery.Resolved>(OnResolved);
        Receive<Status.Failure>(failure =>
        {
            _log.Warning("discovery of {Service} by {Method} failed: {Reason}; again in {Interval}",
                _settings.ServiceName, _settings.Method, failure.Cause.Message, _settings.Interval);
            Timers.StartSingleTimer(RetryTimer, LookUpSeedNodes.Instance, _settings.Interval);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ClusterDiscoverySettings settings) => Akka.Actor.Props.Create(() => new DiscoverySeedJoinActor(settings));

    protected override void PreStart() => LookUp();

    private void LookUp()
    {
        var lookup = new Lookup(_settings.ServiceName);
        if (_settings.PortName is { Length: > 0 } portName)
        {
            lookup = lookup.WithPortName(portName).WithProtocol("tcp");
        }

        Discovery.Get(Context.System).LoadServiceDiscovery(_settings.Method).Lookup(lookup, _settings.ResolveTimeout).PipeTo(Self);
    }

    private void OnResolved(ServiceDiscovery.Resolved resolved)
    {
        ImmutableList<Address> seeds = SeedNodes(resolved, _cluster.SelfAddress);
        if (seeds.Count < _settings.RequiredContactPoints)
        {
            if (seeds.Count != _lastFound)
            {
                _log.Info("discovery of {Service} by {Method}: {Found} of {Required} nodes found ({Nodes}); looking again every {Interval}",
                    _settings.ServiceName, _settings.Method, seeds.Count, _settings.RequiredContactPoints, string.Join(", ", seeds), _settings.Interval);
                _lastFound = seeds.Count;
            }

            Timers.StartSingleTimer(RetryTimer, LookUpSeedNodes.Instance, _settings.Interval);
            return;
        }

        _log.Info("discovery of {Service} by {Method}: joining the cluster with seed nodes {Nodes}", _settings.ServiceName, _settings.Method, string.Join(", ", seeds));
        _cluster.JoinSeedNodes(seeds);
        Context.Stop(Self);
    }

    /// <summary>
    /// The Akka.Remote addresses of the targets (the target's IP address when discovery gives one, else its host name;
    /// its port, else this node's own Akka.Remote port), distinct and sorted.
    /// </summary>
    public static ImmutableList<Address> SeedNodes(ServiceDiscovery.Resolved resolved, Address self)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(self);
        return [.. resolved.Addresses
            .Select(target => new Address(self.Protocol, self.System, target.Address?.ToString() ?? target.Host, target.Port ?? self.Port))
            .Distinct()
            .OrderBy(address => address.ToString(), StringComparer.Ordinal)];
    }
}
