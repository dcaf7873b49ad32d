namespace RSerPool.Actors.Session;

/// <summary>
/// What a service may do with the session it is called for. Thread-safe: a service may keep it and answer later (after
/// an asynchronous operation, e.g. a request to another pool), until <see cref="IPoolElementService.OnSessionClosed"/>.
/// </summary>
public interface IPoolElementSessionContext
{
    /// <summary>Unique per PE process, for logs and per-session state.</summary>
    long SessionId { get; }

    /// <summary>Sends an application message to the PU.</summary>
    void Send(ReadOnlyMemory<byte> payload);

    /// <summary>Sends a state cookie (ASAP Cookie, RFC 5352 §2.2.11) that the PU keeps and echoes to the next PE.</summary>
    void SendCookie(ReadOnlyMemory<byte> cookie);

    /// <summary>Closes the session after pending sends.</summary>
    void Close();
}
