using RSerPool.Actors.PoolElements;

namespace RSerPool.Actors.Api;

/// <summary>Internal: asks the node actor for a new PE child; answered with its IActorRef.</summary>
internal sealed record CreatePoolElement(PoolElementSettings Settings);
