// enrp.md §4.2 step 6: restart MAX-TIME-LAST-HEARD.
namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → peer actor: a message from the peer arrived.</summary>
internal sealed record PeerHeard
{
    public static PeerHeard Instance { get; } = new();
}
