namespace RSerPool.Actors.Registrar;

/// <summary>Timer messages of <see cref="PeRegistrationActor"/> (docs/protocol-notes.md §9 transmission/timeout timers, RFC 5352 §3.1 registration life).</summary>
internal enum PeTimerEvent
{
    KeepAliveDue,
    KeepAliveTimedOut,
    RegistrationLifeExpired,
}
