using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.PoolUser;

/// <summary>
/// The resolver could not give a PE: the registrar answered Unknown Pool Handle (<paramref name="UnknownPoolHandle"/>),
/// every PE is excluded, or no registrar answered in time.
/// </summary>
public sealed record PoolElementSelectionFailed(PoolHandle Handle, string Reason, bool UnknownPoolHandle) : IRSerPoolMessage;
