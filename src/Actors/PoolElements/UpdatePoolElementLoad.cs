namespace RSerPool.Actors.PoolElements;

/// <summary>
/// Sets the load value of a load-based policy (policies.md; 0 = idle, 0xFFFFFFFF = full) and re-registers at once
/// when it changed (asap.md §4.3). Ignored by policies without a load value.
/// </summary>
public sealed record UpdatePoolElementLoad(uint Load);
