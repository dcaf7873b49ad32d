using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Follows Akka.Cluster membership for the registrar role: asks every Up member with that role for its
/// <see cref="RegistrarEndpoints"/> (at <see cref="RegistrarEndpointsActor.Path"/>, again every retry interval until it
/// answers: its registrar may still be starting), keeps their reachability, and tells every subscriber
/// (<see cref="SubscribeRegistrars"/>) <see cref="RegistrarsChanged"/> on every change. Membership, failure detection
/// and downing are Akka.Cluster's; this actor only reads them. Runs on any cluster node (registrar or client).
/// </summary>
public sealed class RegistrarDirectoryActor : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "ask-endpoints";

    private readonly string _role;
    private readonly TimeSpan _retryInterval;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<Address, RegistrarDirectoryEntry> _members = [];
    // Reachability can be told before Up (initial state): remembered per incarnation until it is removed.
    private readonly HashSet<UniqueAddress> _unreachable = [];
    private readonly HashSet<IActorRef> _subscribers = [];
    private IReadOnlyList<ClusterRegistrar> _published = [];

    public RegistrarDirectoryActor(string registrarRole, TimeSpan retryInterval)
    {
        _role = registrarRole;
        _retryInterval = retryInterval;
        Receive<ClusterEvent.MemberUp>(up => OnUp(up.Member));
        Receive<ClusterEvent.MemberRemoved>(removed => OnRemoved(removed.Member));
        Receive<ClusterEvent.UnreachableMember>(unreachable => SetReachable(unreachable.Member, false));
        Receive<ClusterEvent.ReachableMember>(reachable => SetReachable(reachable.Member, true));
        Receive<ClusterEvent.IMemberEvent>(_ => { });   // joining, leaving, exiting: a member counts from Up to Removed
        Receive<RegistrarEndpoints>(OnEndpoints);
        Receive<AskRegistrarEndpoints>(_ => AskUnanswered());
        Receive<SubscribeRegistrars>(_ =>
        {
            if (_subscribers.Add(Sender))
            {
                Context.Watch(Sender);
            }

            Sender.Tell(new RegistrarsChanged(_published), Self);
        });
        Receive<UnsubscribeRegistrars>(_ =>
        {
            _subscribers.Remove(Sender);
            Context.Unwatch(Sender);
        });
        Receive<Terminated>(terminated => _subscribers.Remove(terminated.ActorRef));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="registrarRole">The cluster role of registrar nodes (rserpool.cluster.registrar-role).</param>
    /// <param name="retryInterval">How often a member that has not answered yet is asked again.</param>
    public static Props Props(string registrarRole, TimeSpan retryInterval) =>
        Akka.Actor.Props.Create(() => new RegistrarDirectoryActor(registrarRole, retryInterval));

    protected override void PreStart() =>
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void OnUp(Member member)
    {
        if (!member.HasRole(_role))
        {
            return;
        }

        // A new incarnation on the same address replaces the old one (Akka downs the old one when the new one joins).
        _members[member.Address] = new RegistrarDirectoryEntry(member.UniqueAddress) { Reachable = !_unreachable.Contains(member.UniqueAddress) };
        Ask(member.Address);
        Timers.StartPeriodicTimer(RetryTimer, AskRegistrarEndpoints.Instance, _retryInterval);
        Publish();
    }

    private void OnRemoved(Member member)
    {
        _unreachable.Remove(member.UniqueAddress);
        if (_members.TryGetValue(member.Address, out RegistrarDirectoryEntry? entry) && entry.Incarnation.Equals(member.UniqueAddress))
        {
            _members.Remove(member.Address);
            _log.Info("registrar node {Address} removed from the cluster (was {Status})", member.Address, member.Status);
            Publish();
        }
    }

    private void SetReachable(Member member, bool reachable)
    {
        if (reachable)
        {
            _unreachable.Remove(member.UniqueAddress);
        }
        else
        {
            _unreachable.Add(member.UniqueAddress);
        }

        if (_members.TryGetValue(member.Address, out RegistrarDirectoryEntry? entry) && entry.Incarnation.Equals(member.UniqueAddress) && entry.Reachable != reachable)
        {
            entry.Reachable = reachable;
            Publish();
        }
    }

    private void OnEndpoints(RegistrarEndpoints endpoints)
    {
        Address from = Sender.Path.Address.HasGlobalScope ? Sender.Path.Address : _cluster.SelfAddress;
        if (_members.TryGetValue(from, out RegistrarDirectoryEntry? entry) && !endpoints.Equals(entry.Endpoints))
        {
            entry.Endpoints = endpoints;
            Publish();
        }
    }

    private void AskUnanswered()
    {
        bool waiting = false;
        foreach (var (address, entry) in _members)
        {
            if (entry.Endpoints is null)
            {
                waiting = true;
                Ask(address);
            }
        }

        if (!waiting)
        {
            Timers.Cancel(RetryTimer);
        }
    }

    private void Ask(Address address) =>
        Context.ActorSelection(new RootActorPath(address) / "user" / RegistrarEndpointsActor.Name).Tell(GetRegistrarEndpoints.Instance, Self);

    private void Publish()
    {
        var registrars = _members
            .Where(member => member.Value.Endpoints is not null)
            .OrderBy(member => member.Key.ToString(), StringComparer.Ordinal)
            .Select(member => new ClusterRegistrar(member.Key, member.Value.Reachable, member.Value.Endpoints!))
            .ToList();
        if (registrars.SequenceEqual(_published))
        {
            return;
        }

        _published = registrars;
        var changed = new RegistrarsChanged(registrars);
        foreach (IActorRef subscriber in _subscribers)
        {
            subscriber.Tell(changed, Self);
        }
    }
}
