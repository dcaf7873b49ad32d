// Result of a registration (RFC 5352 §3.1): accepted entry, or the error cause to answer with.
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Handlespace;

/// <param name="Outcome">Added, Updated or Rejected.</param>
/// <param name="Entry">The entry (null when rejected).</param>
/// <param name="Error">The cause for a rejection (null otherwise).</param>
/// <param name="PreviousOwnerId">On update, the owner before this registration (ownership may have moved).</param>
public readonly record struct RegistrationResult(
    RegistrationOutcome Outcome,
    PoolElementEntry? Entry,
    ErrorCause? Error,
    uint PreviousOwnerId = 0)
{
    public bool IsAccepted => Outcome != RegistrationOutcome.Rejected;

    internal static RegistrationResult Rejected(ErrorCause cause) => new(RegistrationOutcome.Rejected, null, cause);
}
