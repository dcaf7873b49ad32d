namespace RSerPool.Actors.Memory;

/// <summary>Published on the event stream after an idle trim: resident bytes before and after it.</summary>
public sealed record MemoryTrimmed(long ResidentBefore, long ResidentAfter);
