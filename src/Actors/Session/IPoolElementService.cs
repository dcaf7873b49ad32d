using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.Session;

/// <summary>
/// An application service behind a pool element: the PE side of each PU session calls it, one call at a time per
/// session, on that session's actor (so an implementation keeps per-session state without locks). Only
/// <see cref="OnMessage"/> must be written; the other calls do nothing unless overridden.
/// </summary>
public interface IPoolElementService
{
    /// <summary>A PU opened a session with this PE.</summary>
    void OnSessionOpened(IPoolElementSessionContext session)
    {
    }

    /// <summary>An application message arrived (data channel, services draft §3.3).</summary>
    void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload);

    /// <summary>The PU echoed a state cookie after a failover (RFC 5352 §2.2.12 Cookie Echo).</summary>
    void OnCookieEcho(IPoolElementSessionContext session, ReadOnlyMemory<byte> cookie)
    {
    }

    /// <summary>
    /// The PU sent its business card (RFC 5352 §2.2.13): its own pool handle and PEs, so that this PE can reach it again
    /// as a pool if the PU fails. Ignored unless the service overrides this.
    /// </summary>
    void OnBusinessCard(IPoolElementSessionContext session, AsapBusinessCard card)
    {
    }

    /// <summary>The session ended (PU closed it or the connection broke).</summary>
    void OnSessionClosed(IPoolElementSessionContext session)
    {
    }
}
