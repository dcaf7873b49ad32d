// RFC 5353 §3.5.1; docs/protocol-notes.md §10 receiver of INIT_TAKEOVER: a lower id took over our takeover; wait again.
namespace RSerPool.Actors.Enrp;

/// <summary>ENRP → peer actor: start MAX-TIME-NO-RESPONSE again.</summary>
internal sealed record PeerRestartNoResponse
{
    public static PeerRestartNoResponse Instance { get; } = new();
}
