namespace RSerPool.Actors.Registrar;

/// <summary>Timer messages of <see cref="PeRegistrationActor"/> (asap.md §4.6 transmission/timeout timers, §4.3 registration life).</summary>
internal enum PeTimerEvent
{
    KeepAliveDue,
    KeepAliveTimedOut,
    RegistrationLifeExpired,
}
