using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using RSerPool.Actors.Time;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// One subscriber's watch of one pool (docs/cluster.md "Membership watch"). It subscribes to the pool's topic first,
/// then asks every registrar node's watch actor for the PEs homed there, holds each origin's events until that
/// origin's snapshot came, and tells the subscriber <see cref="PoolMembers"/> once every registrar node answered (or
/// the snapshot timeout passed), then each change as <see cref="PoolChanged"/>. Per origin, events apply in the
/// origin's sequence: an older one is dropped, a gap (a lost event) makes it re-read that origin's snapshot; every
/// verify interval it asks each origin whether the pool changed after what it applied. Across origins a PE belongs
/// to the origin that last published it: a removal from another origin is stale and dropped.
/// </summary>
internal sealed class PoolWatchSubscriptionActor : ReceiveActor, IWithTimers
{
    private readonly PoolHandle _poolHandle;
    private readonly IActorRef _subscriber;
    private readonly IActorRef _mediator;
    private readonly PoolWatchSettings _settings;
    private readonly string _topic;
    private readonly TimeProvider _clock;
    private readonly bool _clustered;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, PoolWatchOrigin> _origins = [];
    private readonly Dictionary<uint, (IActorRef Origin, PoolElement Element)> _members = [];
    private readonly HashSet<Address> _initialAsks = [];
    private bool _subscribed;
    private bool _started;

    public PoolWatchSubscriptionActor(PoolHandle poolHandle, IActorRef subscriber, IActorRef mediator, PoolWatchSettings settings)
    {
        _poolHandle = poolHandle;
        _subscriber = subscriber;
        _mediator = mediator;
        _settings = settings;
        _topic = PoolWatchTopic.For(poolHandle);
        _clock = Context.System.Clock;
        _clustered = ((ExtendedActorSystem)Context.System).Provider is IClusterActorRefProvider;

        Receive<SubscribeAck>(_ => OnSubscribed());
        Receive<ClusterEvent.MemberUp>(up =>
        {
            if (up.Member.HasRole(_settings.RegistrarRole))
            {
                AskNode(up.Member.Address);   // a registrar that joined later
            }
        });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        Receive<PoolWatchSnapshot>(snapshot => snapshot.PoolHandle == _poolHandle, snapshot => OnSnapshot(Sender, snapshot));
        Receive<PoolChanged>(changed => changed.PoolHandle == _poolHandle, OnEvent);
        Receive<PoolWatchTick>(tick => tick == PoolWatchTick.InitialTimeout, _ => Start());
        Receive<PoolWatchTick>(tick => tick == PoolWatchTick.Verify, _ => Verify());
        Receive<PoolWatchTick>(tick => tick == PoolWatchTick.SelfUp, _ => AskRegistrars());
        Receive<Terminated>(terminated => OnTerminated(terminated.ActorRef));
        Receive<ActorIdentity>(OnIdentity);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PoolHandle poolHandle, IActorRef subscriber, IActorRef mediator, PoolWatchSettings settings) =>
        Akka.Actor.Props.Create(() => new PoolWatchSubscriptionActor(poolHandle, subscriber, mediator, settings));

    protected override void PreStart()
    {
        Context.Watch(_subscriber);
        _mediator.Tell(new Subscribe(_topic, Self), Self);
    }

    protected override void PostStop()
    {
        _mediator.Tell(new Unsubscribe(_topic, Self), Self);
        if (_clustered)
        {
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }
    }

    // Subscribed first, then asked: an event published after a snapshot reaches this subscription (once the mediator's
    // gossip carried the subscription there; the verify check covers the time before).
    private void OnSubscribed()
    {
        if (_subscribed)
        {
            return;   // a repeated ack
        }

        _subscribed = true;
        if (_clustered && Akka.Cluster.Cluster.Get(Context.System).SelfMember.Status != MemberStatus.Up)
        {
            // Not a member yet (the node is joining): the registrar nodes are known once it is Up.
            IActorRef self = Self;
            Akka.Cluster.Cluster.Get(Context.System).RegisterOnMemberUp(() => self.Tell(PoolWatchTick.SelfUp));
            return;
        }

        AskRegistrars();
    }

    private void AskRegistrars()
    {
        if (_clustered)
        {
            var cluster = Akka.Cluster.Cluster.Get(Context.System);
            foreach (Member member in cluster.State.Members)
            {
                if (member.Status == MemberStatus.Up && member.HasRole(_settings.RegistrarRole))
                {
                    _initialAsks.Add(member.Address);
                    AskNode(member.Address);
                }
            }

            cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberUp));
        }

        Timers.StartPeriodicTimer(PoolWatchTick.Verify, PoolWatchTick.Verify, _settings.VerifyInterval);
        if (_initialAsks.Count == 0)
        {
            Start();
        }
        else
        {
            Timers.StartSingleTimer(PoolWatchTick.InitialTimeout, PoolWatchTick.InitialTimeout, _settings.SnapshotTimeout);
        }
    }

    // With an Identify: a node without the watch actor answers ActorIdentity without a subject at once, so the
    // subscription does not wait the snapshot timeout for it.
    private void AskNode(Address address)
    {
        ActorSelection watch = Context.ActorSelection(new RootActorPath(address) / "user" / PoolWatchActor.Name);
        watch.Tell(new GetPoolWatchSnapshot(_poolHandle, 0), Self);
        watch.Tell(new Identify(address), Self);
    }

    private void OnIdentity(ActorIdentity identity)
    {
        if (identity.Subject is null && identity.MessageId is Address address && _initialAsks.Remove(address) && !_started && _initialAsks.Count == 0)
        {
            Start();
        }
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _initialAsks.Clear();
        Timers.Cancel(PoolWatchTick.InitialTimeout);
        _subscriber.Tell(new PoolMembers(_poolHandle, _members.Values.Select(member => member.Element).ToArray()), Self);
    }

    private PoolWatchOrigin OriginOf(IActorRef origin, out bool created)
    {
        created = !_origins.TryGetValue(origin, out PoolWatchOrigin? state);
        if (created)
        {
            state = new PoolWatchOrigin();
            _origins.Add(origin, state);
            Context.Watch(origin);
        }

        return state!;
    }

    private void OnEvent(PoolChanged changed)
    {
        PoolWatchOrigin state = OriginOf(changed.Origin, out bool created);
        if (created)
        {
            Await(changed.Origin, state);   // an origin not asked yet (a registrar that joined later)
        }

        Handle(changed, state);
    }

    private void Handle(PoolChanged changed, PoolWatchOrigin state)
    {
        if (state.LostAt is not null || changed.Sequence <= state.LastSequence)
        {
            return;   // from a dead origin, or applied already (a snapshot covered it)
        }

        if (state.AwaitingSince is not null)
        {
            Hold(changed, state);
            return;
        }

        if (changed.PreviousSequence > state.LastSequence)
        {
            _log.Debug("pool watch {PoolHandle}: events {From}-{To} of {Origin} missed; reading its snapshot", _poolHandle, state.LastSequence + 1,
                changed.PreviousSequence, changed.Origin.Path.Address);
            Await(changed.Origin, state);
            Hold(changed, state);
            return;
        }

        state.LastSequence = changed.Sequence;
        Apply(changed);
    }

    private void Hold(PoolChanged changed, PoolWatchOrigin state)
    {
        if (state.Buffer.Count >= _settings.MaxBufferedEvents)
        {
            state.Buffer.Clear();
            state.Overflowed = true;
        }

        if (!state.Overflowed)
        {
            state.Buffer.Add(changed);
        }
    }

    private void Await(IActorRef origin, PoolWatchOrigin state)
    {
        state.AwaitingSince = _clock.GetUtcNow();
        origin.Tell(new GetPoolWatchSnapshot(_poolHandle, 0), Self);
    }

    private void Apply(PoolChanged changed)
    {
        uint identifier = changed.Element.Identifier;
        bool known = _members.TryGetValue(identifier, out var member);
        if (changed.Kind == PoolChangeKind.Removed)
        {
            if (known && member.Origin.Equals(changed.Origin))
            {
                _members.Remove(identifier);
                Tell(changed);
            }

            return;   // a stale removal: the PE's home is another registrar now
        }

        if (known && member.Origin.Equals(changed.Origin) && Equals(member.Element, changed.Element))
        {
            return;
        }

        _members[identifier] = (changed.Origin, changed.Element);
        Tell(changed with { Kind = known ? PoolChangeKind.Updated : PoolChangeKind.Added });
    }

    private void OnSnapshot(IActorRef origin, PoolWatchSnapshot snapshot)
    {
        PoolWatchOrigin state = OriginOf(origin, out _);
        if (snapshot.Elements is null)
        {
            Check(origin, state, snapshot.Sequence);
            return;
        }

        if (snapshot.More || state.Pages is not null)
        {
            // A page: the snapshot is whole with the last page of the same sequence.
            if (state.Pages is null || state.PagesSequence != snapshot.Sequence)
            {
                state.Pages = [];
                state.PagesSequence = snapshot.Sequence;
            }

            state.Pages.AddRange(snapshot.Elements);
            if (snapshot.More)
            {
                return;
            }

            snapshot = snapshot with { Elements = state.Pages };
            state.Pages = null;
        }

        _initialAsks.Remove(origin.Path.Address);
        bool awaited = state.AwaitingSince is not null;
        // Stale when events after it were applied already: ignored.
        if (state.LostAt is null && snapshot.Sequence >= state.LastSequence)
        {
            Replace(origin, snapshot, snapshot.Elements!);
            state.LastSequence = snapshot.Sequence;
            state.Suspect = null;
            if (awaited)
            {
                state.AwaitingSince = null;
                bool overflowed = state.Overflowed;
                state.Overflowed = false;
                var held = state.Buffer.ToList();
                state.Buffer.Clear();
                if (overflowed)
                {
                    Await(origin, state);   // the dropped events may be newer than this snapshot
                }

                foreach (PoolChanged changed in held)
                {
                    Handle(changed, state);
                }
            }
        }

        if (!_started && _initialAsks.Count == 0)
        {
            Start();
        }
    }

    // A check's answer: the pool's last event at the origin. Newer than the last applied may be on its way; still
    // missing at the next check, it was lost (or published before this subscription reached the origin's node).
    private void Check(IActorRef origin, PoolWatchOrigin state, long last)
    {
        if (state.LostAt is not null || state.AwaitingSince is not null)
        {
            return;
        }

        if (state.Suspect is { } suspect && state.LastSequence < suspect)
        {
            _log.Debug("pool watch {PoolHandle}: event {Sequence} of {Origin} never came; reading its snapshot", _poolHandle, suspect, origin.Path.Address);
            state.Suspect = null;
            Await(origin, state);
            return;
        }

        state.Suspect = last > state.LastSequence ? last : null;
    }

    // The origin's home PEs as of the snapshot: what differs from this subscription's view of that origin changes.
    private void Replace(IActorRef origin, PoolWatchSnapshot snapshot, IReadOnlyList<PoolElement> elements)
    {
        var present = new HashSet<uint>();
        foreach (PoolElement element in elements)
        {
            present.Add(element.Identifier);
            Apply(new PoolChanged(_poolHandle, PoolChangeKind.Added, PoolChangeReason.Resynchronized, element, origin, snapshot.Sequence, 0));
        }

        foreach (var (identifier, member) in _members.Where(pair => pair.Value.Origin.Equals(origin) && !present.Contains(pair.Key)).ToList())
        {
            _members.Remove(identifier);
            Tell(new PoolChanged(_poolHandle, PoolChangeKind.Removed, PoolChangeReason.Resynchronized, member.Element, origin, snapshot.Sequence, 0));
        }
    }

    private void Verify()
    {
        DateTimeOffset now = _clock.GetUtcNow();
        foreach (var (origin, state) in _origins.ToList())
        {
            if (state.LostAt is { } lostAt)
            {
                if (now - lostAt >= _settings.HomeLostGrace)
                {
                    RemoveLost(origin);
                }
            }
            else if (state.AwaitingSince is { } since)
            {
                if (now - since >= _settings.SnapshotTimeout)
                {
                    Await(origin, state);   // asked again; the events held so far stay held
                }
            }
            else
            {
                origin.Tell(new GetPoolWatchSnapshot(_poolHandle, Math.Max(1, state.LastSequence)), Self);   // a check
            }
        }
    }

    private void OnTerminated(IActorRef actor)
    {
        if (actor.Equals(_subscriber))
        {
            Context.Stop(Self);
        }
        else if (_origins.TryGetValue(actor, out PoolWatchOrigin? state))
        {
            state.LostAt = _clock.GetUtcNow();
            state.AwaitingSince = null;
            state.Buffer.Clear();
            _initialAsks.Remove(actor.Path.Address);
            _log.Info("pool watch {PoolHandle}: home registrar {Origin} stopped; its {Count} PE(s) stay for {Grace} unless another registrar takes them over",
                _poolHandle, actor.Path.Address, _members.Values.Count(member => member.Origin.Equals(actor)), _settings.HomeLostGrace);
        }
    }

    // A home registrar gone for the grace time: its PEs that no other registrar took over are gone too.
    private void RemoveLost(IActorRef origin)
    {
        _origins.Remove(origin);
        var lost = _members.Where(pair => pair.Value.Origin.Equals(origin)).ToList();
        foreach (var (identifier, member) in lost)
        {
            _members.Remove(identifier);
            Tell(new PoolChanged(_poolHandle, PoolChangeKind.Removed, PoolChangeReason.HomeRegistrarLost, member.Element, origin, 0, 0));
        }

        _log.Info("pool watch {PoolHandle}: home registrar {Origin} gone for {Grace}: {Count} PE(s) that no registrar took over removed",
            _poolHandle, origin.Path.Address, _settings.HomeLostGrace, lost.Count);
    }

    private void Tell(PoolChanged changed)
    {
        if (_started)
        {
            _subscriber.Tell(changed, Self);
        }
    }
}
