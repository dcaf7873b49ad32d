using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// The membership watch on a registrar node (actor <c>/user/rserpool-pool-watch</c>, docs/cluster.md "Membership
/// watch"): attached to the registrar, it learns from the pool actors every change of a PE whose home is that
/// registrar, keeps a copy of those PEs per pool, publishes each change that a pool user could see (added, removed
/// with its reason, policy/load/transport changed; not a re-registration that changes nothing) as <see cref="PoolChanged"/>
/// on the pool's distributed pub/sub topic, and answers <see cref="GetPoolWatchSnapshot"/>. The registrar's
/// resolution path is untouched: the pools tell it only on membership changes.
/// </summary>
public sealed class PoolWatchActor : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c> on every registrar node.</summary>
    public const string Name = "rserpool-pool-watch";

    private readonly IActorRef _registrar;
    private readonly IActorRef _mediator;
    private readonly Dictionary<PoolHandle, PoolMirror> _pools = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _sequence;
    private long _evictedUpTo;   // the last event of any pool copy evicted so far

    public PoolWatchActor(IActorRef registrar, IActorRef mediator)
    {
        _registrar = registrar;
        _mediator = mediator;
        Receive<HomeElementChanged>(OnChanged);
        Receive<PoolHomeElements>(OnHomeElements);
        Receive<GetPoolWatchSnapshot>(OnSnapshot);
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_registrar), _ =>
        {
            _log.Info("pool watch: the registrar stopped; the watch stops");
            Context.Stop(Self);
        });
    }

    /// <summary>A watch of <paramref name="registrar"/> publishing through <paramref name="mediator"/> (the distributed pub/sub mediator).</summary>
    public static Props Props(IActorRef registrar, IActorRef mediator) => Akka.Actor.Props.Create(() => new PoolWatchActor(registrar, mediator));

    protected override void PreStart()
    {
        Context.Watch(_registrar);
        _registrar.Tell(new AttachPoolWatch(Self), Self);
    }

    private void OnChanged(HomeElementChanged change)
    {
        switch (change.Change)
        {
            case HomeChange.Upserted:
                Upsert(MirrorOf(change.PoolHandle), change.Element!, change.Reason);
                break;
            case HomeChange.Removed when _pools.TryGetValue(change.PoolHandle, out PoolMirror? mirror):
                if (mirror.Home.Remove(change.Identifier, out PoolElement? was))
                {
                    Publish(mirror, PoolChangeKind.Removed, change.Reason, change.Element ?? was);
                    EvictIfEmpty(mirror);
                }

                break;
            case HomeChange.Left when _pools.TryGetValue(change.PoolHandle, out PoolMirror? mirror):
                // Its new home publishes (docs/cluster.md "Membership watch"): nothing here.
                mirror.Home.Remove(change.Identifier);
                EvictIfEmpty(mirror);
                break;
            default:
                break;
        }
    }

    // The pool's home PEs when the watch attached: what differs from the copy is published.
    private void OnHomeElements(PoolHomeElements home)
    {
        if (home.Elements.Length == 0 && !_pools.ContainsKey(home.PoolHandle))
        {
            return;
        }

        PoolMirror mirror = MirrorOf(home.PoolHandle);
        var present = new HashSet<uint>();
        foreach (PoolElement element in home.Elements)
        {
            present.Add(element.Identifier);
            Upsert(mirror, element, PoolChangeReason.Registered);
        }

        foreach (var (identifier, element) in mirror.Home.Where(pair => !present.Contains(pair.Key)).ToList())
        {
            mirror.Home.Remove(identifier);
            Publish(mirror, PoolChangeKind.Removed, PoolChangeReason.Resynchronized, element);
        }

        EvictIfEmpty(mirror);
    }

    private void OnSnapshot(GetPoolWatchSnapshot get)
    {
        if (!_pools.TryGetValue(get.PoolHandle, out PoolMirror? mirror))
        {
            Sender.Tell(new PoolWatchSnapshot(get.PoolHandle, _sequence, Array.Empty<PoolElement>()), Self);
        }
        else if (get.KnownSequence > 0)
        {
            Sender.Tell(new PoolWatchSnapshot(get.PoolHandle, mirror.LastSequence, null), Self);
        }
        else
        {
            // Arrays in pages: what crosses Akka.Remote is a plain type, and each page fits its frame.
            PoolElement[] elements = mirror.Home.Values.ToArray();
            for (int start = 0; start == 0 || start < elements.Length; start += PoolWatchSnapshot.PageSize)
            {
                int end = Math.Min(elements.Length, start + PoolWatchSnapshot.PageSize);
                Sender.Tell(new PoolWatchSnapshot(get.PoolHandle, _sequence, elements[start..end], More: end < elements.Length), Self);
            }
        }
    }

    private void Upsert(PoolMirror mirror, PoolElement element, PoolChangeReason reason)
    {
        bool known = mirror.Home.TryGetValue(element.Identifier, out PoolElement? was);
        if (known && Equals(was, element))
        {
            return;   // a re-registration that changes nothing a pool user sees
        }

        mirror.Home[element.Identifier] = element;
        Publish(mirror, known ? PoolChangeKind.Updated : PoolChangeKind.Added, reason, element);
    }

    private void Publish(PoolMirror mirror, PoolChangeKind kind, PoolChangeReason reason, PoolElement element)
    {
        long sequence = ++_sequence;
        var changed = new PoolChanged(mirror.PoolHandle, kind, reason, element, Self, sequence, mirror.LastSequence);
        mirror.LastSequence = sequence;
        _mediator.Tell(new Publish(mirror.Topic, changed), Self);
    }

    private PoolMirror MirrorOf(PoolHandle poolHandle)
    {
        if (!_pools.TryGetValue(poolHandle, out PoolMirror? mirror))
        {
            // A new copy's predecessor is the last event of any evicted copy: at least this pool's last event, so a
            // subscriber that missed one re-reads (nothing of an evicted copy is lost), yet no newer than the snapshots
            // a subscriber read since, so a pool new here (a takeover, a first registration) is no false gap while
            // other pools publish (docs/cluster.md "Membership watch").
            mirror = new PoolMirror(poolHandle, _evictedUpTo);
            _pools.Add(poolHandle, mirror);
        }

        return mirror;
    }

    private void EvictIfEmpty(PoolMirror mirror)
    {
        if (mirror.Home.Count == 0)
        {
            _pools.Remove(mirror.PoolHandle);
            _evictedUpTo = Math.Max(_evictedUpTo, mirror.LastSequence);
        }
    }
}
