namespace RSerPool.Actors.Api;

/// <summary>
/// An application service behind a pool element: the PE side of each PU session calls it, one call at a time per
/// session, on that session's actor (so an implementation keeps per-session state without locks).
/// </summary>
public interface IPoolElementService
{
    /// <summary>A PU opened a session with this PE.</summary>
    void OnSessionOpened(IPoolElementSessionContext session);

    /// <summary>An application message arrived (data channel, services draft §3.3).</summary>
    void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload);

    /// <summary>The PU echoed a state cookie after a failover (RFC 5352 §2.2.11 Cookie Echo).</summary>
    void OnCookieEcho(IPoolElementSessionContext session, ReadOnlyMemory<byte> cookie);

    /// <summary>The session ended (PU closed it or the connection broke).</summary>
    void OnSessionClosed(IPoolElementSessionContext session);
}
