using Akka.Actor;
using RSerPool.Wire;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Temporary child of the registrar answering one <see cref="GetHandlespaceSnapshot"/>: gathers a
/// <see cref="PoolSnapshot"/> from every pool actor (a pool that stops first counts as empty), then replies (with the
/// refusal counts as they are then) and stops.
/// </summary>
internal sealed class SnapshotCollector : ReceiveActor
{
    private readonly HashSet<IActorRef> _waiting;
    private readonly IActorRef _replyTo;
    private readonly IReadOnlyDictionary<uint, PeChecksum> _checksums;
    private readonly int _poolCount;
    private readonly RefusalBook _refusals;
    private readonly List<PoolElementSnapshot> _elements = [];

    public SnapshotCollector(IReadOnlyCollection<IActorRef> pools, IActorRef replyTo, IReadOnlyDictionary<uint, PeChecksum> checksums,
        RefusalBook refusals)
    {
        _refusals = refusals;
        _waiting = [.. pools];
        _replyTo = replyTo;
        _checksums = checksums;
        _poolCount = pools.Count;

        Receive<PoolSnapshot>(snapshot =>
        {
            if (_waiting.Remove(Sender))
            {
                _elements.AddRange(snapshot.Elements);
                CompleteIfDone();
            }
        });
        Receive<Terminated>(terminated =>
        {
            _waiting.Remove(terminated.ActorRef);
            CompleteIfDone();
        });
    }

    public static Props Props(IReadOnlyCollection<IActorRef> pools, IActorRef replyTo, IReadOnlyDictionary<uint, PeChecksum> checksums,
        RefusalBook refusals) =>
        Akka.Actor.Props.Create(() => new SnapshotCollector(pools, replyTo, checksums, refusals));

    protected override void PreStart()
    {
        foreach (var pool in _waiting)
        {
            Context.Watch(pool);
        }

        CompleteIfDone();
    }

    private void CompleteIfDone()
    {
        if (_waiting.Count > 0)
        {
            return;
        }

        _elements.Sort(static (a, b) =>
        {
            int byHandle = a.PoolHandle.Span.SequenceCompareTo(b.PoolHandle.Span);
            return byHandle != 0 ? byHandle : a.Identifier.CompareTo(b.Identifier);
        });
        _replyTo.Tell(new HandlespaceSnapshot(_elements, _checksums, _poolCount) { Refusals = _refusals.Counts() }, Self);
        Context.Stop(Self);
    }
}
