// Observability of the ENRP peer list (RFC 5353 §3).
namespace RSerPool.Actors.Enrp;

/// <summary>Ask the registrar (or its ENRP actor) for an <see cref="EnrpStatus"/>.</summary>
public sealed record GetEnrpStatus : IRSerPoolMessage
{
    public static GetEnrpStatus Instance { get; } = new();
}
