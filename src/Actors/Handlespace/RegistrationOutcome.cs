// Outcome of a registration (RFC 5352 §3.1, RFC 5353 §3.3).
namespace RSerPool.Actors.Handlespace;

public enum RegistrationOutcome
{
    /// <summary>A new PE entry was created.</summary>
    Added,

    /// <summary>An existing entry was updated in place (re-registration or refreshed copy).</summary>
    Updated,

    /// <summary>Refused; <see cref="RegistrationResult.Error"/> holds the cause for the Registration Response.</summary>
    Rejected,
}
