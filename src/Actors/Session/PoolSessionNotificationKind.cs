// What a PoolSession notification reports (rsp_notify of the sockets API draft).
namespace RSerPool.Actors.Session;

public enum PoolSessionNotificationKind
{
    /// <summary>The session connected to its first PE.</summary>
    Connected,

    /// <summary>The current PE failed (or was left on request) and the session fails over.</summary>
    PoolElementFailed,

    /// <summary>The session is connected to a new PE (after the failover callback ran).</summary>
    FailedOver,

    /// <summary>The PE sent a state cookie (RFC 5352 §2.2.11); the session keeps the latest.</summary>
    CookieReceived,

    /// <summary>The PE sent a Business Card (RFC 5352 §2.2.13).</summary>
    BusinessCardReceived,

    /// <summary>The session ended (disposed, or failed for good: see <see cref="PoolSessionNotification.Reason"/>).</summary>
    Closed,
}
