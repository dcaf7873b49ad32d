namespace RSerPool.Actors.Registrar;

/// <summary>Registrar → pool: no association to an adopted PE's ASAP endpoint could be opened; the PE goes.</summary>
internal sealed record AdoptedPeUnreachable(uint Identifier, string Reason);
