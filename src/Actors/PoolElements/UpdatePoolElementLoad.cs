namespace RSerPool.Actors.PoolElements;

/// <summary>
/// Sets the load value of a load-based policy (RFC 5356 §3.1: 0 = idle, 0xFFFFFFFF = full) and re-registers at once
/// when it changed (RFC 5352 §3.1). Ignored by policies without a load value.
/// </summary>
public sealed record UpdatePoolElementLoad(uint Load);
