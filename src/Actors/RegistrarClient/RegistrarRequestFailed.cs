using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// A <see cref="RegistrarRequest"/> got no response: it timed out (the registrar is then dropped and the hunt moves on),
/// or the association it was sent on broke (<paramref name="AssociationLost"/>: resend at once, a new registrar is hunted).
/// </summary>
public sealed record RegistrarRequestFailed(AsapMessage Request, string Reason, bool AssociationLost);
