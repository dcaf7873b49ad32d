// rsp_sendmsg flags of the sockets API draft, for PoolSession.SendAsync (services draft §3.3).
namespace RSerPool.Actors.Api;

/// <summary>How <see cref="PoolSession.SendAsync"/> treats one message.</summary>
public sealed record SendOptions
{
    /// <summary>Ack not requested, failover allowed.</summary>
    public static SendOptions Default { get; } = new();

    /// <summary>
    /// The PE acknowledges the message after its service handled it; until then the session keeps it and resends it, in
    /// order, to the next PE after a failover. <see cref="PoolSession.SendAsync"/> then completes on the acknowledgement.
    /// </summary>
    public bool AckRequested { get; init; }

    /// <summary>
    /// True (default): the message may move to another PE after a failover (a send to the pool handle). False: a send
    /// to the current PE handle only; it fails with <see cref="PoolSessionException"/> when that PE fails before taking
    /// it (or, with <see cref="AckRequested"/>, before acknowledging it), or when no PE is connected.
    /// </summary>
    public bool FailoverAllowed { get; init; } = true;
}
