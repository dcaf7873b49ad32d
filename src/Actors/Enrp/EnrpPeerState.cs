// States of one ENRP peer (actor peer-<server id>; RFC 5353 §3.2.3, §3.4, §3.6).
namespace RSerPool.Actors.Enrp;

/// <summary>Where this registrar stands with one peer.</summary>
public enum EnrpPeerState
{
    /// <summary>Heard from (Presence), no handle table exchanged yet.</summary>
    Presence,

    /// <summary>A Handle Table download (mentor sync or audit) from the peer is running.</summary>
    Synchronizing,

    /// <summary>In sync: its PEs' checksum matched, or its table was downloaded.</summary>
    InService,
}
