// Outcome of an Endpoint Unreachable report (RFC 5352 §3.5).
namespace RSerPool.Actors.Handlespace;

public enum UnreachableOutcome
{
    /// <summary>No such PE: the report is ignored.</summary>
    UnknownElement,

    /// <summary>Counted; the PE stays.</summary>
    Counted,

    /// <summary>The count reached MAX-BAD-PE-REPORT: the PE was removed.</summary>
    Removed,
}
