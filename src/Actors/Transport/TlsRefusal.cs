namespace RSerPool.Actors.Transport;

/// <summary>Why a TLS handshake was refused (RFC 5355 section 4: peers authenticate each other; docs/security.md).</summary>
public enum TlsRefusal
{
    /// <summary>The peer presented no certificate where one is required.</summary>
    NoCertificate,

    /// <summary>The peer's certificate (or one in its chain) is outside its validity period.</summary>
    Expired,

    /// <summary>The peer's certificate does not chain to the configured CA.</summary>
    UnknownCa,

    /// <summary>The server's certificate does not name the address or host the client connected to.</summary>
    WrongName,

    /// <summary>The handshake did not complete within the handshake timeout.</summary>
    Timeout,

    /// <summary>The handshake failed for another reason (no common protocol, not TLS, connection reset).</summary>
    HandshakeFailed,
}
