using System.Collections.Immutable;
using Akka.Actor;

namespace RSerPool.Actors.PoolUser;

/// <summary>Internal: a request waiting for a resolution: a selection (with its exclusions) or, when <paramref name="Excluding"/> is null, pool info.</summary>
internal sealed record ResolutionWaiter(IActorRef ReplyTo, ImmutableArray<uint>? Excluding);
