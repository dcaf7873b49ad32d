namespace RSerPool.Actors.Registrar;

/// <summary>What falls due in a <see cref="PeRegistrationActor"/> (<see cref="PeTimerDue"/>): docs/protocol-notes.md §9 transmission/timeout timers, RFC 5352 §3.1 registration life.</summary>
internal enum PeTimerEvent
{
    KeepAliveDue,
    KeepAliveTimedOut,
    RegistrationLifeExpired,
}
