// RFC 5353 §3.4.3: restart MAX-TIME-LAST-HEARD.
namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → peer actor: a message from the peer arrived.</summary>
internal sealed record PeerHeard
{
    public static PeerHeard Instance { get; } = new();
}
