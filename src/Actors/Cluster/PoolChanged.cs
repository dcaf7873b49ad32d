using Akka.Actor;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// One change of a watched pool, published by the PE's home registrar on the pool's topic (<see cref="PoolWatchTopic"/>)
/// and told to each subscriber (<c>RSerPoolExtension.WatchPool</c>) after its <see cref="PoolMembers"/>.
/// </summary>
/// <param name="PoolHandle">The pool.</param>
/// <param name="Kind">Added, updated or removed, as the subscriber sees it (a PE moving home is an update).</param>
/// <param name="Reason">Why (the home registrar's reason).</param>
/// <param name="Element">The PE as it now is; for a removal, as it was. Its home is <see cref="PoolElement.HomeServerIdentifier"/>.</param>
/// <param name="Origin">The publishing watch actor (<c>/user/rserpool-pool-watch</c> on the home registrar's node).</param>
/// <param name="Sequence">The origin's event number (grows by one per event of any pool at that origin).</param>
/// <param name="PreviousSequence">The origin's number of the previous event of this pool (0: none since the origin started).</param>
public sealed record PoolChanged(
    PoolHandle PoolHandle,
    PoolChangeKind Kind,
    PoolChangeReason Reason,
    PoolElement Element,
    IActorRef Origin,
    long Sequence,
    long PreviousSequence) : IRSerPoolClusterMessage;
