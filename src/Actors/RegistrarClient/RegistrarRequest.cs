using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Sends a request that has a response (Registration, Deregistration, Handle Resolution) to the current registrar.
/// Answered with <see cref="RegistrarReply"/> or <see cref="RegistrarRequestFailed"/> (request timers: RFC 5352 §7, RSPLIB's values in docs/protocol-notes.md §8).
/// </summary>
public sealed record RegistrarRequest(AsapMessage Request);
