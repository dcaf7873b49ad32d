// docs/protocol-notes.md §10: the startup phase is over; only now may the registrar send ASAP Server Announces.
namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → registrar: the mentor download (or the wait for a mentor) is over.</summary>
internal sealed class EnrpStartupOver
{
    public static EnrpStartupOver Instance { get; } = new();

    private EnrpStartupOver()
    {
    }
}
