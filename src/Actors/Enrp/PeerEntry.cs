// One entry of the ENRP peer list (RFC 5353 §3.4 "Peer list").
using System.Net;
using Akka.Actor;

namespace RSerPool.Actors.Enrp;

/// <summary>The ENRP actor's record of one peer: its actor, ENRP endpoint, state and running handle table download.</summary>
internal sealed class PeerEntry(uint serverId, IActorRef actor)
{
    public uint ServerId { get; } = serverId;

    public IActorRef Actor { get; } = actor;

    /// <summary>Where to send to the peer (from its Server Information, or a static peer); null = reply on <see cref="LastAssociation"/>.</summary>
    public IPEndPoint? EndPoint { get; set; }

    /// <summary>The association the peer's last message came over.</summary>
    public IActorRef LastAssociation { get; set; } = ActorRefs.Nobody;

    public EnrpPeerState State { get; set; }

    /// <summary>A Handle Table download from this peer is running; the value is its W flag.</summary>
    public bool? SyncOwnChildrenOnly { get; set; }

    /// <summary>When the last Handle Table Request of the running download was sent (ms, kernel clock).</summary>
    public long SyncRequestedAt { get; set; }

    public bool ListRequested { get; set; }

    /// <summary>
    /// Taken over while it was silent and back since (RFC 5353 §3.5.2): its claims on PEs another registrar owns are
    /// stale until its Presence checksum agrees with ours (it has resynchronised).
    /// </summary>
    public bool Returning { get; set; }

    /// <summary>The Presence checksum that started the running audit (RFC 5353 §3.6.3 W=1).</summary>
    public ushort AuditedChecksum { get; set; }

    /// <summary>rserpool.acl refused some of this peer's PEs during the running download.</summary>
    public bool AclRefusedDuringSync { get; set; }

    /// <summary>
    /// After an audit in which rserpool.acl refused PEs: the peer's checksum and ours then. They differ by the refused
    /// PEs; while both stay the same, another audit would only refuse them again (docs/security.md).
    /// </summary>
    public (ushort Remote, ushort Local)? AclSettledChecksums { get; set; }

    /// <summary>MAX-TIME-NO-RESPONSE expired and nothing was heard since.</summary>
    public bool Silent { get; set; }

    /// <summary>Silent, owning PEs, and not taken over for want of a majority (docs/protocol-notes.md §10).</summary>
    public bool AwaitsMajority { get; set; }
}
