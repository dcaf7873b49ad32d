// RFC 5353 §3.5: a takeover moved every PE of one registrar to another.
namespace RSerPool.Actors.Enrp;

/// <summary>
/// ENRP → registrar → every pool: the PEs owned by <paramref name="FromOwnerId"/> now belong to
/// <paramref name="ToOwnerId"/>; when that is this registrar, the pools adopt them as home PEs.
/// </summary>
internal sealed record OwnershipTransfer(uint FromOwnerId, uint ToOwnerId);
