namespace RSerPool.Actors.PoolElements;

/// <summary>Answer to <see cref="DeregisterPoolElement"/>: <paramref name="Confirmed"/> when the registrar answered in time.</summary>
public sealed record PoolElementDeregistered(uint Identifier, bool Confirmed);
