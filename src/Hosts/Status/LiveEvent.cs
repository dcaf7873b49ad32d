namespace RSerPool.Hosts.Status;

/// <summary>A change the live page lists: a PE registered, removed or taken over (kind), in which pool, with what.</summary>
public sealed record LiveEvent(DateTimeOffset Time, string Kind, string Pool, string Element, string Detail);
