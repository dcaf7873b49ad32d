using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// Registrar → pool actor: an ASAP message for that pool and the association it came over.
/// <paramref name="ReservesSlot"/>: the registrar counted this registration against the association's PE limit
/// before knowing whether the pool accepts it; the pool settles it with <see cref="PoolElementRegistered"/> or
/// <see cref="RegistrationRefused"/>.
/// </summary>
internal sealed record RoutedAsapMessage(AsapMessage Message, AsapPeer Peer, bool ReservesSlot = false);
