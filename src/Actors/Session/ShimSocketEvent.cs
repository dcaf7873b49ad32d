namespace RSerPool.Actors.Session;

/// <summary>Internal: what the socket loops of a <see cref="ShimConnectionActor"/> tell the actor (never touching its state).</summary>
internal abstract record ShimSocketEvent;
