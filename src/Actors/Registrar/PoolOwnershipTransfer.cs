// RFC 5353 §3.5: a takeover moved every PE of one registrar to another.
using System.Net;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Registrar → every pool actor: the PEs owned by <paramref name="FromOwnerId"/> now belong to
/// <paramref name="ToOwnerId"/>. <paramref name="Associations"/> (ASAP associations by remote endpoint) lets the pool
/// find a taken-over PE's association for the Keep Alive with the H flag.
/// </summary>
internal sealed record PoolOwnershipTransfer(uint FromOwnerId, uint ToOwnerId, IReadOnlyDictionary<IPEndPoint, AsapPeer> Associations);
