using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Registrar;

/// <summary>
/// What <see cref="RegistrationScreen"/> made of a registration: the PE to register (addresses filtered, life bounded)
/// or the cause to refuse it with; and, when something was refused or changed, the <see cref="RefusalCause"/> and why.
/// </summary>
internal readonly record struct ScreenedRegistration(PoolElement? Element, ErrorCause? Refusal, string? Cause, string? Why);
