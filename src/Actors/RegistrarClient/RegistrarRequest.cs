using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>
/// Sends a request that has a response (Registration, Deregistration, Handle Resolution) to the current registrar.
/// Answered with <see cref="RegistrarReply"/> or <see cref="RegistrarRequestFailed"/> (asap.md §4.2-§4.5 timers).
/// </summary>
public sealed record RegistrarRequest(AsapMessage Request);
