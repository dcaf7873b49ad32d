namespace RSerPool.Actors.Registrar;

/// <summary>
/// The one timer message of a <see cref="PeRegistrationActor"/>: <paramref name="Event"/> is due at clock timestamp
/// <paramref name="Due"/>. A new instance per arming; the actor acts only on the instance it armed last, so one that a
/// cancelled schedule had already queued is ignored.
/// </summary>
internal sealed record PeTimerDue(PeTimerEvent Event, long Due);
