namespace RSerPool.Actors.Transport.Sctp;

/// <summary>The two kernel SCTP socket styles (RFC 6458 §3, §4).</summary>
public enum SctpSocketStyle
{
    /// <summary>SOCK_STREAM: one association per socket, accept() gives each its own socket (RFC 6458 §4).</summary>
    OneToOne,

    /// <summary>
    /// SOCK_SEQPACKET: one socket carries every association of the endpoint; sends name the association
    /// (snd_assoc_id), receives and notifications report it (RFC 6458 §3).
    /// </summary>
    OneToMany,
}
